using System.Diagnostics;
using LessData.Training;

namespace LessData.Experiments;

/// <summary>Progress of a sweep: runs done of total (this plan), the run in hand, and an ETA from measured run times.</summary>
public sealed record SweepProgress(int Completed, int Total, int HeldByOthers, string? Current, TimeSpan? Eta);

/// <summary>
/// Runs a plan against a store: insert the missing runs, then claim → train → complete until nothing is claimable.
/// Each run keeps an epoch checkpoint in its own folder (&lt;store&gt;.runs/&lt;id&gt;), so a run that was cut off resumes
/// from its last finished epoch when claimed again. Kill -9 at any point loses no completed run and repeats none.
/// </summary>
public static class SweepRunner
{
    public delegate RunRecord TrainRun(TrainConfig config, string checkpointDir, ITrainingObserver observer, CancellationToken cancel);

    public static SweepProgress Run(RunStore store, IReadOnlyList<PlannedRun> planned, TrainRun train, Action<SweepProgress>? progress, CancellationToken cancel)
    {
        store.Expand(planned);
        var keys = planned.Select(p => p.Key).ToList();
        var me = RunOwner.Current();
        var durations = new List<double>();
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var claim = store.TryClaim(me, keys);
            var counts = store.Counts(keys);
            if (claim is null) return Report(counts, keys.Count, null, durations, progress);
            var label = $"{claim.Config.Experiment.Dataset} {claim.ExperimentId} ({claim.Config.Experiment.Schedule.Spec}) trial {claim.Trial + 1}{(claim.Resumed ? ", resumed" : "")}";
            Report(counts, keys.Count, label, durations, progress);

            var checkpoints = CheckpointFolder(store, claim.Id);
            var watch = Stopwatch.StartNew();
            try
            {
                var record = train(claim.Config, checkpoints, new HeartbeatObserver(store, claim.Id, me), cancel);
                store.Complete(claim.Id, me, record);
                if (Directory.Exists(checkpoints)) Directory.Delete(checkpoints, recursive: true);
                durations.Add(watch.Elapsed.TotalSeconds);
            }
            catch (OperationCanceledException)
            {
                throw; // left 'running' with its checkpoint; the next sweep (this process gone) resumes it
            }
            catch (UserError e)
            {
                store.Fail(claim.Id, me, e.Message);
                throw; // bad data or options fail every run alike: stop and say why
            }
            catch (Exception e)
            {
                store.Fail(claim.Id, me, $"{e.GetType().Name}: {e.Message}");
            }
        }
    }

    public static string CheckpointFolder(RunStore store, long id) => Path.Combine(store.Path + ".runs", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static SweepProgress Report(IReadOnlyDictionary<RunStatus, int> counts, int total, string? current, List<double> durations, Action<SweepProgress>? progress)
    {
        int left = counts[RunStatus.Pending] + counts[RunStatus.Running];
        TimeSpan? eta = durations.Count == 0 ? null : TimeSpan.FromSeconds(durations.Average() * left);
        var p = new SweepProgress(counts[RunStatus.Completed], total, current is null ? counts[RunStatus.Running] : counts[RunStatus.Running] - 1, current, eta);
        progress?.Invoke(p);
        return p;
    }

    private sealed class HeartbeatObserver(RunStore store, long id, RunOwner me) : ITrainingObserver
    {
        public void EpochFinished(EpochRecord record, int totalEpochs) => store.Heartbeat(id, me);
    }
}
