using System.CommandLine;
using LessData.Cli;
using LessData.Store;
using LessData.Tests.Cli;
using LessData.Tests.Data;
using Microsoft.Data.Sqlite;

namespace LessData.Tests.Tuning;

/// <summary>`lessdata tune` end to end on a tiny generated MNIST: a second invocation reuses the store's runs, the Slurm dry run plans round 0, bad flags fail first.</summary>
[Collection(SerialCollection.Name)]
public sealed class TuneCommandTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _fx.Dispose();
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) =>
        CliHarness.Run([TuneCommand.Create()], args, captureConsole: true);

    private string[] Tiny(string outDir, int budget, params string[] more)
    {
        _fx.WriteIdxSet(_fx.Folder("mnist"), n: 40, m: 10);
        return ["tune", "--dataset", "mnist", "--data-dir", _fx.Root, "--model", "cnn", "--epochs", "2", "--threads", "1", "--no-augment",
            "--candidates", "step:0.5@0.5 increment:0.5", "--trials", "2", "--budget-runs", budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--out", outDir, .. more];
    }

    private static Dictionary<string, double> Finished(string store)
    {
        using var s = RunStore.Open(store);
        return s.ReadAll().Where(r => r.Status == RunStatus.Completed).ToDictionary(r => $"{r.ExperimentId}/{r.Trial}", r => r.Record!.Totals.TotalSeconds);
    }

    [Fact]
    public void SecondInvocation_OverCompletedRuns_DoesNotRetrainThem_AndALargerBudgetGoesOn()
    {
        // Given a tune whose budget pays for round 0 only (3 arms × 2 trials)
        var dir = Path.Combine(_fx.Root, "tune");
        var (exit, output, err) = Run(Tiny(dir, 6));
        exit.Should().Be(0, err + output);
        output.Should().Contain("recommendation:");
        var first = Finished(Path.Combine(dir, "tune.db"));
        first.Should().HaveCount(6);

        // When it is run again with the same arguments, then with a larger budget
        var again = Run(Tiny(dir, 6));
        var more = Run(Tiny(dir, 8));

        // Then the second trains nothing (same runs, same measured times) and the third adds runs to round 1 only
        again.Exit.Should().Be(0, again.Err);
        again.Out.Should().NotContain("epoch 1/2").And.Contain("recommendation:");
        Finished(Path.Combine(dir, "tune.db")).Should().Equal(first);
        more.Exit.Should().Be(0, more.Err);
        var after = Finished(Path.Combine(dir, "tune.db"));
        foreach (var (key, seconds) in first) after[key].Should().Be(seconds, $"{key} is not retrained");
        // round 1 (one survivor and the baseline, 2 → 3 trials: the 2 runs the budget has left), unless round 0 decided every candidate
        after.Count.Should().Be(output.Contains("every candidate is decided", StringComparison.Ordinal) ? 6 : 8);
        foreach (var file in new[] { "summary.json", "report.md", "frontier.png" }) File.Exists(Path.Combine(dir, file)).Should().BeTrue(file);
    }

    [Fact]
    public void SlurmDryRun_PlansRoundZeroIntoTheStore_AndWritesTheScript_TrainingNothing()
    {
        var dir = Path.Combine(_fx.Root, "tune-slurm");

        var (exit, output, err) = Run(Tiny(dir, 12, "--slurm-dry-run", "--slurm-tasks", "3", "--lease", "30"));

        exit.Should().Be(0, err);
        output.Should().Contain("not submitted").And.NotContain("recommendation:");
        var script = Directory.GetFiles(Path.Combine(dir, "tune.db.slurm"), "tune-*.sbatch").Should().ContainSingle().Subject;
        File.ReadAllText(script).Should().Contain("#SBATCH --array=0-2").And.Contain("'worker' '--lease' '30'").And.Contain(Path.Combine(dir, "tune.db"));
        using var store = RunStore.Open(Path.Combine(dir, "tune.db"));
        store.Counts()[RunStatus.Pending].Should().Be(6, "round 0: the baseline and 2 candidates × 2 trials");
        store.Counts()[RunStatus.Completed].Should().Be(0);
    }

    [Theory]
    [InlineData("--budget-runs", "5", "--budget-runs must be at least 6")]
    [InlineData("--trials", "1", "--trials must be at least 2")]
    [InlineData("--candidates", "bogus", "--candidates")]
    [InlineData("--margin", "0", "--margin must be a positive")]
    public void BadOption_OneLine_BeforeAnythingIsCreated(string flag, string value, string message)
    {
        var dir = Path.Combine(_fx.Root, "tune-bad");
        var args = Tiny(dir, 6).ToList();
        int at = args.IndexOf(flag);
        if (at >= 0) args[at + 1] = value; else args.AddRange([flag, value]);

        var (exit, _, err) = Run([.. args]);

        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(message);
        Directory.Exists(dir).Should().BeFalse();
    }
}
