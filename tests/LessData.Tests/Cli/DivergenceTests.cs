using System.CommandLine;
using LessData.Cli;
using LessData.Store;
using LessData.Tests.Data;

namespace LessData.Tests.Cli;

/// <summary>The non-finite guard: a diverging run stops inside its first non-finite batch, says so in one line, and stores why.</summary>
public sealed class DivergenceTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public void Dispose() => _fx.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) =>
        CliHarness.Run([TrainCommand.Create(), CompareCommand.Create()], args);

    [Fact]
    public void Train_HugeLearningRate_StopsInTheFirstNonFiniteBatch_WithOneLine()
    {
        // Given a learning rate that turns the weights non-finite after the first step
        _fx.WriteIdxSet(_fx.Folder("mnist"), n: 64, m: 10);

        // When training 3 epochs of 8 batches
        var (exit, _, err) = Run("train", "--dataset", "mnist", "--data-dir", _fx.Root, "--model", "cnn", "--lr", "1e30", "--epochs", "3",
            "--batch-size", "8", "--threads", "1", "--out", Path.Combine(_fx.Root, "run"));

        // Then it stops in epoch 1 at the first non-finite loss, with one line saying where and what to try
        exit.Should().Be(CliRunner.DivergedExit);
        var line = err.Trim().Split('\n').Should().ContainSingle().Which;
        line.Should().MatchRegex(@"^lessdata: diverged: (NaN|[+-]infinity) loss at epoch 1, batch [2-8] \(cnn, lr 1E\+30\); try a learning rate 10x lower");
    }

    [Fact]
    public void Compare_DivergingMethod_IsStoredFailedWithTheReason_AndNamedWithItsCellAndSeed()
    {
        _fx.WriteIdxSet(_fx.Folder("mnist"), n: 48, m: 10);
        var outDir = Path.Combine(_fx.Root, "cmp");

        var (exit, _, err) = Run("compare", "--dataset", "mnist", "--data-dir", _fx.Root, "--schedules", "increment:0.5", "--model", "cnn",
            "--lr", "1e30", "--epochs", "2", "--batch-size", "8", "--threads", "1", "--seed", "4", "--out", outDir);

        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("compare run(s) failed").And.Contain("seed 4: diverged: ");
        using var store = RunStore.Open(Path.Combine(outDir, "compare.db"));
        store.ReadAll().Should().Contain(r => r.Status == RunStatus.Failed && r.Error!.StartsWith("diverged: ", StringComparison.Ordinal));
    }
}
