using System.CommandLine;
using LessData.Cli;
using Microsoft.Data.Sqlite;

namespace LessData.Tests.Cli;

/// <summary>The store, worker and Slurm flags fail fast with one line, before any store is opened or run trained; no services needed.</summary>
/// <remarks>Serial: these commands print through Console, which the tests redirect.</remarks>
[Collection(SerialCollection.Name)]
public sealed class ClusterCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-cli-cluster-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) =>
        CliHarness.Run([SweepCommand.Create(), WorkerCommand.Create(), StoreCommand.Create(), ReportCommand.Create()], args, captureConsole: true);

    [Theory]
    [InlineData("--slurm-tasks", "0", "--slurm-tasks must be at least 1")]
    [InlineData("--slurm-extra", "account=x", "is not an sbatch flag")]
    [InlineData("--slurm-time", "1:00 --x", "not a single Slurm value")]
    public void Sweep_BadSlurmFlag_OneLineError_AndNoStoreCreated(string flag, string value, string message)
    {
        var store = Path.Combine(_dir, "s.db");

        var (exit, _, err) = Run("sweep", "--plan", "paper-step", "--store", store, "--slurm", flag, value);

        exit.Should().Be(2);
        err.Should().Contain(message).And.NotContain("   at ");
        File.Exists(store).Should().BeFalse("flags are checked before the store is opened");
    }

    [Fact]
    public void Sweep_SlurmDryRun_PlansTheRunsAndWritesTheScriptNextToTheStore()
    {
        var store = Path.Combine(_dir, "s.db");

        var (exit, output, err) = Run("sweep", "--plan", "paper-cut", "--trials", "1", "--store", store, "--slurm-dry-run", "--slurm-tasks", "3", "--lease", "30");

        exit.Should().Be(0, err);
        output.Should().Contain("5 runs planned (5 new)").And.Contain("not submitted");
        var script = Directory.GetFiles(store + ".slurm", "*.sbatch").Should().ContainSingle().Subject;
        File.ReadAllText(script).Should().Contain("#SBATCH --array=0-2").And.Contain("'worker' '--lease' '30'");
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(script).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Worker_UnsupportedStoreUrl_OneLineError() =>
        Run("worker", "--store", "mysql://h/db").Err.Should().Contain("unsupported URL scheme");

    [Fact]
    public void Worker_EmptyStore_ExitsZeroAtOnce()
    {
        var store = Path.Combine(_dir, "empty.db");
        LessData.Store.RunStore.Open(store).Dispose();

        var (exit, output, err) = Run("worker", "--store", store);

        exit.Should().Be(0, err);
        output.Should().Contain("worker done: 0/0");
    }

    [Fact]
    public void Worker_SqliteStoreThatDoesNotExist_OneLineError_AndNoStoreCreated()
    {
        var store = Path.Combine(_dir, "mistyped.db");

        var (exit, output, err) = Run("worker", "--store", store);

        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(store).And.Contain("store not found").And.Contain("lessdata sweep --store");
        output.Should().NotContain("worker done");
        File.Exists(store).Should().BeFalse("a mistyped path must not become an empty store");
    }

    [Fact]
    public void StoreCopy_MissingSource_OneLineError()
    {
        var (exit, _, err) = Run("store", "copy", Path.Combine(_dir, "nope.db"), Path.Combine(_dir, "to.db"));

        exit.Should().Be(2);
        err.Should().Contain("store not found");
    }

    [Fact]
    public void SweepStatus_CountsByState()
    {
        var store = Path.Combine(_dir, "s.db");
        Run("sweep", "--plan", "paper-cut", "--trials", "1", "--store", store, "--slurm-dry-run").Exit.Should().Be(0);

        var (exit, output, _) = Run("sweep", "status", "--store", store);

        exit.Should().Be(0);
        output.Should().Contain("5 runs — 0 completed, 0 running, 5 pending, 0 failed").And.Contain("ETA unknown");
    }
}
