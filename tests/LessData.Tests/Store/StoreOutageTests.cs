using LessData.Provenance;
using LessData.Runs;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;
using Microsoft.Data.Sqlite;

namespace LessData.Tests.Store;

/// <summary>A store that goes away while a run trains: the run is never marked failed for it.</summary>
public sealed class StoreOutageTests() : TempStoreFolder("lessdata-outage-")
{
    private static IReadOnlyList<PlannedRun> OneRun() =>
        [.. PlanExpansion.Expand("paper-cut", SweepPlans.Get("paper-cut"), "cpu", SweepProfiles.Get("cpu") is var p ? p with { Experiment = p.Experiment with { Epochs = 2 } } : null!, 1, 1).Take(1)];

    private static RunRecord Record(TrainConfig c) => new(c, new RunProvenance("t", new Dictionary<string, string>(), "m", "c"),
        [new EpochRecord(1, 1, 10, 10, 1, 0.5, 0.1, 0.001), new EpochRecord(2, 1, 10, 10, 1, 0.5, 0.1, 0.001)], new RunTotals(20, 0.1, 0.2, 0.5, 0.5, 0, 0, "model:65W"));

    /// <summary>Two epochs; the store goes down after the first one's training, before its heartbeat and checkpoint.</summary>
    private static SweepRunner.TrainRun TrainThroughAnOutage(FlakyStore store) => (config, checkpoint, observer, cancel) =>
    {
        var record = Record(config);
        foreach (var epoch in record.Epochs)
        {
            if (epoch.Epoch == 1) store.Down = true;
            observer.EpochFinished(epoch, 2);
            Directory.CreateDirectory(TrainingCheckpoint.CurrentFolder(checkpoint.Directory));
            File.WriteAllText(Path.Combine(TrainingCheckpoint.CurrentFolder(checkpoint.Directory), "marker"), epoch.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture));
            checkpoint.Saved();
        }
        return record;
    };

    [Fact]
    public void Outage_ShorterThanThePatience_TheRunKeepsTraining_AndCompletes()
    {
        // Given a store that goes down during a run's first epoch and comes back while its checkpoint write waits
        using var store = new FlakyStore(StorePath) { Waiting = s => s.Down = false };
        store.Expand(OneRun());
        var log = new List<string>();

        // When the run trains
        var final = SweepRunner.Work(store, null, new SweepRunner.WorkerLimits(), TrainThroughAnOutage(store), null, log.Add, CancellationToken.None);

        // Then the missed heartbeat was tried once and shrugged off, the checkpoint waited, and the run completed
        final.Completed.Should().Be(1);
        store.FailedBudgets.Should().Equal([TimeSpan.Zero], "only the heartbeat gave up, after one attempt");
        log.Should().ContainSingle(l => l.Contains("heartbeat missed") && l.Contains("training goes on"));
        store.ClaimLog().Select(e => e.Event).Should().Equal("claim", "complete");
    }

    [Fact]
    public void Outage_LongerThanThePatience_StopsTheRun_WithoutMarkingItFailed()
    {
        // Given a store that goes down during a run's first epoch and stays down past the checkpoint write's patience
        using (var store = new FlakyStore(StorePath))
        {
            store.Expand(OneRun());
            var log = new List<string>();

            // When the run trains
            var act = () => SweepRunner.Work(store, null, new SweepRunner.WorkerLimits(), TrainThroughAnOutage(store), null, log.Add, CancellationToken.None);

            // Then the worker stops with the store's error, saying the run was not failed
            act.Should().Throw<StoreUnreachableException>();
            store.FailedBudgets.Should().Equal(TimeSpan.Zero, store.OutagePatience);
            log.Should().Contain(l => l.Contains("stopped, not failed"));
        }

        // And once the store is back, the run is still running (its lease will free it), never failed
        using var back = new SqliteRunStore(StorePath);
        back.Counts()[RunStatus.Running].Should().Be(1);
        back.Counts()[RunStatus.Failed].Should().Be(0);
        back.ClaimLog().Select(e => e.Event).Should().Equal("claim");
    }

    [Fact]
    public void Outage_AtTheResult_WaitsForTheStore_AndStoresItOnce()
    {
        // Given a run whose training ends while the store is down
        using var store = new FlakyStore(StorePath) { Waiting = s => s.Down = false };
        store.Expand(OneRun());
        RunRecord Train(TrainConfig c, RunCheckpoint cp, ITrainingObserver o, CancellationToken t)
        {
            store.Down = true;
            return Record(c);
        }

        // When the worker completes it
        SweepRunner.Work(store, null, new SweepRunner.WorkerLimits(), Train, null, null, CancellationToken.None);

        // Then the result waited for the store (with the run's patience) and was stored
        store.Counts()[RunStatus.Completed].Should().Be(1);
        store.ClaimLog().Select(e => e.Event).Should().Equal("claim", "complete");
    }
}
