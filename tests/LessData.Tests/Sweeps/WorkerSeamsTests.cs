using LessData.Provenance;
using LessData.Runs;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;
using Microsoft.Data.Sqlite;

using LessData.Tests.Store;

namespace LessData.Tests.Sweeps;

/// <summary>A worker's node name and fault points come from the seams its caller supplies, not from the environment.</summary>
public sealed class WorkerSeamsTests() : TempStoreFolder("lessdata-seams-")
{
    private sealed class Recorder(FaultPoint? throwAt = null) : IFaultInjector
    {
        public List<FaultPoint> Reached { get; } = [];

        void IFaultInjector.Reached(FaultPoint point)
        {
            Reached.Add(point);
            if (point == throwAt) throw new InvalidOperationException($"injected at {point}");
        }
    }

    private static IReadOnlyList<PlannedRun> OneRun() =>
        [.. PlanExpansion.Expand("paper-cut", SweepPlans.Get("paper-cut"), "cpu", SweepProfiles.Get("cpu"), 1, 1).Take(1)];

    private static RunRecord TrainOneEpoch(TrainConfig c, RunCheckpoint checkpoint, ITrainingObserver o, CancellationToken t)
    {
        var folder = TrainingCheckpoint.CurrentFolder(checkpoint.Directory);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "marker"), "epoch 1");
        checkpoint.Saved();
        return new RunRecord(c, new RunProvenance("t", new Dictionary<string, string>(), "m", "c"),
            [new EpochRecord(1, 1, 10, 10, 1, 0.5, 0.1, 0.001)], new RunTotals(10, 0.1, 0.2, 0.5, 0.5, 0, 0, "model:65W"));
    }

    [Fact]
    public void Run_TellsTheSeamsEveryFaultPointInOrder_AndClaimsUnderTheSeamsHost()
    {
        // Given a store with one run and a worker whose seams name the node and record the fault points
        var faults = new Recorder();
        using var store = new SqliteRunStore(StorePath);

        // When the worker trains the run (one saved checkpoint)
        SweepRunner.Run(store, OneRun(), TrainOneEpoch, null, CancellationToken.None, new WorkerSeams("node-under-test", faults));

        // Then it reached claimed, the checkpoint write and the completion, in that order, as node-under-test
        faults.Reached.Should().Equal(FaultPoint.Claimed, FaultPoint.CheckpointWrite, FaultPoint.BeforeComplete);
        store.ClaimLog().Should().OnlyContain(e => e.Owner.StartsWith("node-under-test/", StringComparison.Ordinal));
        store.Counts()[RunStatus.Completed].Should().Be(1);
    }

    [Fact]
    public void CheckpointWrite_IsInsideTheTransaction_SoAFaultThereStoresNoCheckpoint()
    {
        // Given a worker whose checkpoint write fails at its fault point
        using var store = new SqliteRunStore(StorePath);
        var planned = OneRun();

        // When it trains the run
        SweepRunner.Run(store, planned, TrainOneEpoch, null, CancellationToken.None, new WorkerSeams("n", new Recorder(FaultPoint.CheckpointWrite)));

        // Then the run failed and the checkpoint's transaction never committed
        store.ReadAll().Single().Status.Should().Be(RunStatus.Failed);
        store.LoadCheckpoint(store.ClaimLog().First().RunId).Should().BeNull();
    }
}
