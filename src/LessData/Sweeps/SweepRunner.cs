using System.Diagnostics;
using System.Globalization;
using LessData.Provenance;
using LessData.Runs;
using LessData.Store;
using LessData.Training;

namespace LessData.Sweeps;

/// <summary>
/// Claim → train → complete until nothing is claimable: the loop of `lessdata sweep` (over its plan's runs) and of
/// `lessdata worker` (over every run in the store, waiting while others hold runs that may still come back).
/// A claimed run trains in a local scratch folder; each finished epoch's checkpoint goes into the store, so whichever
/// node claims the run next resumes it. A background lease keeper renews the claim; when the store says the run is no
/// longer ours the training is cancelled. Cancellation (Ctrl-C, SIGTERM) stops the training after the batch in hand
/// and releases the run; the last finished epoch's checkpoint is in the store, so only the partial epoch is lost.
/// A store that becomes unreachable never fails a run: heartbeats that fail are tried again, the checkpoint and the
/// result wait for the store for up to <see cref="RunStore.OutagePatience"/>; past that the run stops unmarked (it
/// is claimable again when its lease expires) and <see cref="StoreUnreachableException"/> ends the loop.
/// </summary>
public static class SweepRunner
{
    /// <summary>Progress of a sweep: runs done of total (this plan), the run in hand, and an ETA from measured run times.</summary>
    /// <param name="Completed">Runs completed.</param>
    /// <param name="Total">Runs in the plan (a sweep) or in the store (a worker).</param>
    /// <param name="HeldByOthers">Runs other workers are running.</param>
    /// <param name="Current">The run in hand, or null.</param>
    /// <param name="Eta">The time left, from measured run times; null before a run completes.</param>
    public sealed record SweepProgress(int Completed, int Total, int HeldByOthers, string? Current, TimeSpan? Eta);

    /// <summary>When a worker stops: after N runs, after a time (no new claim after it), and whether it waits for runs others hold.</summary>
    /// <param name="MaxRuns">Runs to attempt at most, or null for no limit.</param>
    /// <param name="MaxTime">No new claim after this time, or null for no limit.</param>
    /// <param name="WaitForOthers">Whether to wait while others hold runs that may come back.</param>
    /// <param name="Poll">How often to look again while waiting (default: a twentieth of the lease, 1–10 s).</param>
    public sealed record WorkerLimits(int? MaxRuns = null, TimeSpan? MaxTime = null, bool WaitForOthers = false, TimeSpan? Poll = null);

    /// <summary>Trains one claimed run: its config, its checkpoint in the store, the heartbeat observer to pass to the trainer, and the stop token.</summary>
    public delegate RunRecord TrainRun(TrainConfig config, RunCheckpoint checkpoint, ITrainingObserver observer, CancellationToken cancel);

    /// <summary>A sweep: adds <paramref name="planned"/> to the store and works through them until none is claimable; returns the final progress.</summary>
    /// <param name="seams">The node name and fault injector (<see cref="WorkerSeams.Production"/> when null).</param>
    /// <param name="store">The results store.</param>
    /// <param name="planned">The sweep's runs; added to the store when missing.</param>
    /// <param name="train">Trains one claimed run.</param>
    /// <param name="progress">Told the progress after each run, or null.</param>
    /// <param name="cancel">Stops the sweep after the batch in hand.</param>
    public static SweepProgress Run(RunStore store, IReadOnlyList<PlannedRun> planned, TrainRun train, Action<SweepProgress>? progress, CancellationToken cancel,
        WorkerSeams? seams = null)
    {
        store.Expand(planned);
        return Work(store, [.. planned.Select(p => p.Key)], new WorkerLimits(), train, progress, null, cancel, seams);
    }

    /// <summary>A worker: claims, trains and records runs until none is claimable or a limit is reached; returns the final progress.</summary>
    /// <param name="keys">Only these runs (a sweep's plan), or null for every run in the store (a worker).</param>
    /// <param name="seams">The node name and fault injector (<see cref="WorkerSeams.Production"/> when null).</param>
    /// <param name="store">The results store.</param>
    /// <param name="limits">When to stop.</param>
    /// <param name="train">Trains one claimed run.</param>
    /// <param name="progress">Told the progress after each run, or null.</param>
    /// <param name="log">Told what the worker does (waits, limits), or null.</param>
    /// <param name="cancel">Stops the worker after the batch in hand.</param>
    public static SweepProgress Work(RunStore store, IReadOnlyList<string>? keys, WorkerLimits limits, TrainRun train,
        Action<SweepProgress>? progress, Action<string>? log, CancellationToken cancel, WorkerSeams? seams = null)
    {
        seams ??= WorkerSeams.Production;
        var me = RunOwner.Current(seams.Host);
        var durations = new List<double>();
        var clock = Stopwatch.StartNew();
        int total = keys?.Count ?? store.Counts().Values.Sum(), attempted = 0;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            if (limits.MaxRuns is { } max && attempted >= max) { log?.Invoke($"worker: run limit ({max}) reached"); return Report(store.Counts(keys), total, null, durations, progress); }
            if (limits.MaxTime is { } time && clock.Elapsed >= time) { log?.Invoke("worker: time limit reached; no new run claimed"); return Report(store.Counts(keys), total, null, durations, progress); }
            var claim = store.TryClaim(me, keys);
            if (claim is null)
            {
                var counts = store.Counts(keys);
                if (!limits.WaitForOthers || counts[RunStatus.Pending] + counts[RunStatus.Running] == 0) return Report(counts, total, null, durations, progress);
                var poll = limits.Poll ?? TimeSpan.FromTicks(Math.Clamp(store.Lease.Ticks / 20, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(10).Ticks));
                if (cancel.WaitHandle.WaitOne(poll)) cancel.ThrowIfCancellationRequested();
                continue;
            }
            attempted++;
            var label = $"{claim.Config.Experiment.Dataset} {claim.ExperimentId} ({claim.Config.Experiment.Schedule.Spec}) trial {claim.Trial + 1}{(claim.Resumed ? ", resumed" : "")}";
            Report(store.Counts(keys), total, label, durations, progress);
            var watch = Stopwatch.StartNew();
            if (TrainOne(store, claim, me, seams.Faults, train, log, cancel) == Completion.Accepted) durations.Add(watch.Elapsed.TotalSeconds);
        }
    }

    private static Completion? TrainOne(RunStore store, RunStore.Claim claim, RunOwner me, IFaultInjector faults, TrainRun train, Action<string>? log, CancellationToken cancel)
    {
        string id = claim.Id.ToString(CultureInfo.InvariantCulture);
        string label = $"{claim.ExperimentId} seed {claim.Config.Experiment.Seed}";
        var scratch = Path.Combine(Path.GetTempPath(), "lessdata-checkpoints", $"{Environment.ProcessId}-{id}");
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        Directory.CreateDirectory(scratch);
        using var lost = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, lost.Token);
        try
        {
            if (store.LoadCheckpoint(claim.Id) is { } saved) CheckpointArchive.Extract(saved, TrainingCheckpoint.CurrentFolder(scratch));
            var heartbeat = new HeartbeatObserver(store, claim.Id, me, lost, m => log?.Invoke($"run {id}: {m}"));
            void Saved()
            {
                if (!store.SaveCheckpoint(claim.Id, me, heartbeat.Epoch, CheckpointArchive.Pack(TrainingCheckpoint.CurrentFolder(scratch)), faults)) lost.Cancel();
            }
            RunRecord record;
            using (new LeaseKeeper(store, claim.Id, me, lost.Cancel, m => log?.Invoke($"run {id}: {m}")))
            {
                faults.Reached(FaultPoint.Claimed);
                record = train(claim.Config, new RunCheckpoint(scratch, Saved), heartbeat, linked.Token);
                faults.Reached(FaultPoint.BeforeComplete);
            }
            var outcome = store.Complete(claim.Id, me, record, HardwareInfo.Describe(claim.Config.Environment.Device, claim.Config.Environment.Threads));
            if (outcome == Completion.Duplicate) log?.Invoke($"run {id}: finished after losing its lease; result kept in duplicate_results, not stored over the other");
            return outcome;
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            log?.Invoke($"run {id}: lease lost to another worker; stopped training it");
            return null;
        }
        catch (OperationCanceledException)
        {
            try
            {
                bool released = store.Release(claim.Id, me);
                log?.Invoke($"run {id}: stopped; {(released ? "lease released, checkpoint kept in the store" : "it was no longer ours")}");
            }
            catch (StoreUnreachableException e)
            {
                log?.Invoke($"run {id}: stopped; not released ({e.Message}): it is claimable again when its lease expires");
            }
            throw;
        }
        catch (StoreUnreachableException e)
        {
            // the environment's failure, not the run's: no Fail (the store is away anyway); the lease frees the run
            log?.Invoke($"run {id} ({label}): stopped, not failed: {e.Message}; it resumes from its last stored checkpoint when its lease expires");
            throw;
        }
        catch (TrainingDivergedException e)
        {
            store.Fail(claim.Id, me, e.Message); // the run's own failure, in words; the other runs go on
            log?.Invoke($"run {id} ({label}): failed: {e.Message}");
            return null;
        }
        catch (UserError e)
        {
            store.Fail(claim.Id, me, e.Message);
            throw; // bad data or options fail every run alike: stop and say why
        }
        catch (Exception e)
        {
            store.Fail(claim.Id, me, $"{e.GetType().Name}: {e.Message}");
            log?.Invoke($"run {id} ({label}): failed: {e.GetType().Name}: {e.Message}");
            return null;
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
    }

    private static SweepProgress Report(IReadOnlyDictionary<RunStatus, int> counts, int total, string? current, List<double> durations, Action<SweepProgress>? progress)
    {
        int left = counts[RunStatus.Pending] + counts[RunStatus.Running];
        TimeSpan? eta = durations.Count == 0 ? null : TimeSpan.FromSeconds(durations.Average() * left);
        var p = new SweepProgress(counts[RunStatus.Completed], total, current is null ? counts[RunStatus.Running] : counts[RunStatus.Running] - 1, current, eta);
        progress?.Invoke(p);
        return p;
    }

    /// <summary>Beats at each finished epoch (recording it); a beat the store misses is the lease keeper's to repeat.</summary>
    private sealed class HeartbeatObserver(RunStore store, long id, RunOwner me, CancellationTokenSource lost, Action<string> log) : ITrainingObserver
    {
        public int Epoch { get; private set; }

        public void EpochFinished(EpochRecord record, int totalEpochs)
        {
            Epoch = record.Epoch;
            try
            {
                if (!store.Heartbeat(id, me, record.Epoch)) lost.Cancel();
            }
            catch (StoreUnreachableException e)
            {
                log($"epoch {record.Epoch.ToString(CultureInfo.InvariantCulture)} heartbeat missed ({e.Message}); training goes on");
            }
        }
    }
}
