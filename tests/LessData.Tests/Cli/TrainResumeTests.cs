using System.CommandLine;
using LessData.Cli;
using LessData.Provenance;
using LessData.Runs;
using LessData.Tests.Data;
using LessData.Tests.Integration;
using LessData.Training;

namespace LessData.Tests.Cli;

/// <summary>`train` survives interruption: run.json after every epoch, status interrupted on a stop, `--resume` continues exactly.</summary>
[Collection(SerialCollection.Name)]
public sealed class TrainResumeTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public TrainResumeTests() => _fx.WriteIdxSet(_fx.Folder("mnist"), n: 40, m: 10);

    public void Dispose() => _fx.Dispose();

    private string[] Flags(int epochs) =>
        ["train", "--dataset", "mnist", "--data-dir", _fx.Root, "--schedule", "step:0.5@0.5", "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--model", "cnn", "--batch-size", "8", "--seed", "3", "--threads", "1"];

    private static (int Exit, string Out, string Err) Run(params string[] args) =>
        CliHarness.Run([TrainCommand.Create()], args);

    /// <summary>Cancels the run when an epoch has finished, after letting the test look at the folder.</summary>
    private sealed class StopAfter(int epoch, CancellationTokenSource stop, Action<EpochRecord>? look = null) : ITrainingObserver
    {
        public void EpochFinished(EpochRecord record, int totalEpochs)
        {
            look?.Invoke(record);
            if (record.Epoch == epoch) stop.Cancel();
        }
    }

    /// <summary>The epochs.csv columns that do not measure time or energy: epoch, fraction, images, evaluations, trainLoss, top1, lr, finalTop1.</summary>
    private static string[] Deterministic(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, RunOutputs.EpochsFile)).Select(l => l.Split(',')).Select(c => string.Join(',', c[..6].Append(c[7]).Append(c[8])))];

    [Fact]
    public void Start_AfterEveryEpoch_RunJsonSaysRunningWithTheEpochsSoFar_ThenInterrupted()
    {
        // Given a 3-epoch run that is asked to stop once epoch 1 has finished, looking at its folder at that moment
        var dir = Path.Combine(_fx.Root, "run");
        var config = new TrainConfig
        {
            Experiment = new ExperimentConfig { Dataset = LessData.Data.DatasetSpec.Parse("mnist"), Model = LessData.Models.ModelSpec.Parse("cnn"), Epochs = 3, BatchSize = 8, Seed = 3 },
            Environment = new RunEnvironment { DataDir = _fx.Root, Threads = 1 },
        };
        using var stop = new CancellationTokenSource();
        RunRecord? seen = null;
        string[]? csv = null;
        var act = () => ResumableRun.Start(config, dir, new StopAfter(1, stop, _ => (seen, csv) = (RunOutputs.Read(dir), File.ReadAllLines(Path.Combine(dir, RunOutputs.EpochsFile)))), stop.Token);

        // When it runs
        var interrupted = act.Should().Throw<RunInterruptedException>().Which;

        // Then after epoch 1 run.json said running with that one epoch, and epochs.csv had its row
        seen!.Status.Should().Be(RunState.Running);
        seen.Epochs.Select(e => e.Epoch).Should().Equal(1);
        csv.Should().HaveCount(2).And.Subject.First().Should().Be(RunOutputs.CsvHeader);
        // And the stop left status interrupted with the finished epoch and its checkpoint
        (interrupted.EpochsDone, interrupted.Epochs, interrupted.Folder).Should().Be((1, 3, dir));
        var after = RunOutputs.Read(dir);
        after.Status.Should().Be(RunState.Interrupted);
        after.Epochs.Should().HaveCount(1);
        ResumableRun.HasCheckpoint(dir).Should().BeTrue();
    }

    [Fact]
    public void Resume_AnInterruptedRun_GivesTheEpochsOfAnUninterruptedOne()
    {
        // Given an uninterrupted 4-epoch run
        var straight = Path.Combine(_fx.Root, "straight");
        var (exit, _, err) = Run([.. Flags(4), "--out", straight]);
        exit.Should().Be(0, err);
        // And the same run (its recorded config) stopped after epoch 2
        var resumed = Path.Combine(_fx.Root, "resumed");
        using var stop = new CancellationTokenSource();
        var act = () => ResumableRun.Start(RunOutputs.Read(straight).Config, resumed, new StopAfter(2, stop), stop.Token, "lessdata train (the first part)");
        act.Should().Throw<RunInterruptedException>().Which.EpochsDone.Should().Be(2);
        var firstTwo = File.ReadAllLines(Path.Combine(resumed, RunOutputs.EpochsFile));

        // When it is resumed from its folder alone
        (exit, _, err) = Run("train", "--resume", resumed);

        // Then every epoch's selection, loss and accuracy equal the uninterrupted run's, to the last bit
        exit.Should().Be(0, err);
        Deterministic(resumed).Should().Equal(Deterministic(straight));
        // And epochs 1-2 are the rows kept from before the stop (timings included), not trained again
        File.ReadAllLines(Path.Combine(resumed, RunOutputs.EpochsFile)).Take(3).Should().Equal(firstTwo);
        var record = RunOutputs.Read(resumed);
        record.Status.Should().Be(RunState.Completed);
        record.Totals.Top1.Should().Be(RunOutputs.Read(straight).Totals.Top1);
        record.Provenance.CommandLine.Should().StartWith("lessdata train (the first part); resumed by: ");
        Directory.Exists(Path.Combine(resumed, "checkpoint")).Should().BeFalse("a completed run's checkpoint is deleted");
        File.Exists(Path.Combine(resumed, "model.safetensors")).Should().BeTrue();
    }

    private string Recorded(RunState state, int epochs)
    {
        var dir = Path.Combine(_fx.Root, $"recorded-{state}-{epochs}");
        var rows = Enumerable.Range(1, epochs).Select(e => new EpochRecord(e, 1, 40, 40L * e, 1.5, 0.5, 1, 0.001)).ToList();
        RunOutputs.Write(dir, new RunRecord(new TrainConfig(), new RunProvenance("x", new Dictionary<string, string>(), "m", "c"), rows,
            RunTotalsBuilder.From(rows, 10, 475, "fixed"), Status: state));
        return dir;
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "empty", "has no run.json" },
        { "no-checkpoint", "has no checkpoint" },
        { "completed", "already completed" },
        { "other-flag", "--epochs cannot be given" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Resume_AFolderThatCannotContinue_OneLineAndExit2(string folder, string message)
    {
        // Given a folder without run.json, an interrupted run whose checkpoint is gone, a completed run, or a resume that changes the run
        string dir = folder switch
        {
            "empty" => _fx.Folder("empty"),
            "no-checkpoint" => Recorded(RunState.Interrupted, 2),
            "completed" => Recorded(RunState.Completed, 2),
            _ => Recorded(RunState.Interrupted, 0),
        };
        string[] extra = folder == "other-flag" ? ["--epochs", "9", "--threads", "1"] : [];

        // When train --resume is pointed at it
        var (exit, _, err) = Run(["train", "--resume", dir, .. extra]);

        // Then one line says why, and nothing trains
        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("--resume").And.Contain(message);
        Directory.Exists(Path.Combine(dir, "checkpoint")).Should().BeFalse();
    }

    [Fact]
    public void Train_IntoAFolderWithAnUnfinishedRun_RefusesInsteadOfContinuingIt()
    {
        // Given a folder holding an interrupted run's checkpoint
        var dir = Recorded(RunState.Interrupted, 1);
        Directory.CreateDirectory(Path.Combine(dir, "checkpoint"));
        File.WriteAllText(Path.Combine(dir, "checkpoint", "position.json"), "{}");

        // When a new run is started there
        var (exit, _, err) = Run([.. Flags(2), "--out", dir]);

        // Then it is refused in one line that names --out, and the unfinished run is left as it was
        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("--out").And.Contain("unfinished run");
        RunOutputs.Read(dir).Status.Should().Be(RunState.Interrupted);
    }

    [Fact]
    public void Train_Diverging_RunJsonSaysFailedWithTheReason()
    {
        // Given a learning rate no model survives
        var dir = Path.Combine(_fx.Root, "diverged");

        // When it trains
        var (exit, _, err) = Run([.. Flags(2), "--lr", "1e30", "--out", dir]);

        // Then the run fails as diverged, and run.json says so with the same reason
        exit.Should().Be(CliRunner.DivergedExit, err);
        var record = RunOutputs.Read(dir);
        record.Status.Should().Be(RunState.Failed);
        record.Failure.Should().StartWith("diverged:");
        err.Should().Contain(record.Failure!);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Train_StopSignal_EndsAfterTheBatch_WritesInterrupted_AndSaysHowToResume(string signal, int code)
    {
        // Given the real CLI training a long run as a child process, past its second epoch
        var dir = Path.Combine(_fx.Root, $"signal-{signal}");
        using var process = new CliProcess([.. Flags(500), "--out", dir]);
        process.WaitForLine(@"epoch 2/500", TimeSpan.FromSeconds(90)).Should().BeTrue(process.Output);

        // When it gets SIGINT (Ctrl-C) or SIGTERM
        CliProcess.Shell("kill", $"-{signal}", process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)).Code.Should().Be(0);

        // Then it exits promptly (the issue asks for 5 s; 15 s leaves room on a loaded machine) with the signal's code
        process.Exit(TimeSpan.FromSeconds(15)).Should().Be(code, process.Output);
        var record = RunOutputs.Read(dir);
        record.Status.Should().Be(RunState.Interrupted);
        record.Epochs.Count.Should().BeInRange(2, 499);
        ResumableRun.HasCheckpoint(dir).Should().BeTrue();
        process.Output.Should().Contain($"interrupted after {record.Epochs.Count} of 500 epochs; resume with: lessdata train --resume {dir}");
    }
}
