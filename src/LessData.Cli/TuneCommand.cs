using System.CommandLine;
using LessData.Cluster;
using LessData.Runs;
using LessData.Statistics;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;
using LessData.Tuning;

namespace LessData.Cli;

/// <summary>
/// `lessdata tune`: searches candidate schedules and selectors (successive halving over trials) for the largest
/// training-time saving that maintains top-1 within the margin, on the recipe compare takes; runs live in a store, so a
/// killed tune resumes, and each round can run as a Slurm job array of workers. Ends with one recommendation line and
/// writes summary.json, report.md and frontier.png (docs/tuning.md).
/// </summary>
public static class TuneCommand
{
    /// <param name="seams">The node name and fault injector its runs use (<see cref="WorkerSeams.Production"/> when null; tests supply their own).</param>
    public static Command Create(WorkerSeams? seams = null)
    {
        var options = new TrainOptions();
        var outDir = SharedOptions.Out("Folder for summary.json, report.md and frontier.png (default: runs/tune)");
        var margin = new Option<double>("--margin") { Description = "Non-inferiority margin in points of top-1", DefaultValueFactory = _ => NonInferiority.DefaultMargin };
        var budgetRuns = new Option<int?>("--budget-runs") { Description = "Budget: training runs in all, the baseline's included" };
        var budgetHours = new Option<double?>("--budget-hours") { Description = "Budget: hours of the runs' wall time (runs not yet made: evaluations × the per-image time measured so far)" };
        var candidates = new Option<string?>("--candidates") { Description = $"Space-separated candidates: schedules, selectors or schedule+selector (default \"{Tuner.DefaultCandidates}\")" };
        var trials = new Option<int>("--trials") { Description = "Trials of every arm in round 0 (at least 2; seed of trial t = --seed + t)", DefaultValueFactory = _ => Tuner.DefaultFirstTrials };
        var maxTrials = new Option<int>("--max-trials") { Description = "Most trials any arm gets (the last look of the sequential verdicts)", DefaultValueFactory = _ => Tuner.DefaultMaxTrials };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Put this store's failed runs back to pending first (after fixing what made them fail)" };
        var clock = new Option<string?>("--candidate-clock") { Description = "LR clock of the candidates: epochs | images (default: --lr-clock, as the baseline)" };
        var store = StoreOptions.Store("Store of the runs (default: <out>/tune.db); a killed tune rerun with the same arguments resumes");
        var lease = StoreOptions.Lease();
        var patience = StoreOptions.Patience();
        var slurm = SweepSlurm.Options();
        var command = new Command("tune", "Search schedules and selectors for the largest time saving that maintains accuracy (successive halving, sequential verdicts)");
        options.AddTo(command, includeSchedule: false);
        foreach (var o in new Option[] { outDir, margin, budgetRuns, budgetHours, candidates, trials, maxTrials, clock, retryFailed, store, lease, patience }) command.Add(o);
        foreach (var o in slurm.All) command.Add(o);
        command.SetAction(parse =>
        {
            var tuner = Tuner.Plan(options.Bind(parse), parse.GetValue(margin), parse.GetValue(budgetRuns), parse.GetValue(budgetHours), parse.GetValue(candidates),
                parse.GetValue(trials), parse.GetValue(maxTrials), CandidateClock(parse.GetValue(clock)));
            var job = slurm.Job(parse);
            var dir = parse.GetValue(outDir) ?? Path.Combine("runs", "tune");
            RunOutputs.CheckWritable(dir);
            Directory.CreateDirectory(dir);
            var location = StoreLocation.Resolve(parse.GetValue(store) ?? Path.Combine(dir, "tune.db"));
            using var runs = RunStore.Open(location, StoreOptions.LeaseOf(parse.GetValue(lease)));
            StoreOptions.Configure(runs, parse.GetValue(patience), m => Console.Error.WriteLine($"tune: {m}"));
            if (parse.GetValue(retryFailed)) Console.WriteLine($"tune: {runs.RetryFailed()} failed run(s) put back to pending");
            using var stop = new StopSignals();
            Console.WriteLine(tuner.Describe());
            foreach (var skip in tuner.Skipped) Console.Error.WriteLine($"lessdata: note: default candidate skipped, {skip}");
            while (tuner.Next(runs, Console.WriteLine) is { Count: > 0 } pending)
            {
                if (job is null)
                    SweepRunner.Run(runs, pending,
                        (config, checkpoint, heartbeat, cancel) => ProgressDisplay.Run($"{config.Experiment.Schedule.Spec} + {config.Experiment.Selector.Spec} seed {config.Experiment.Seed}", observer =>
                            RunPipeline.Run(config, null, ITrainingObserver.Pair(observer, heartbeat), cancel, checkpoint.Directory, CommandLine.Current(), checkpoint.Saved)),
                        null, stop.Token, seams);
                else if (!OnSlurm(parse, slurm, job, runs, location, pending, (parse.GetValue(lease), parse.GetValue(patience)), stop.Token)) return 0; // dry run: the first round's script only
                var counts = runs.Counts(pending.Select(p => p.Key));
                if (counts[RunStatus.Failed] > 0)
                    throw new UserError(FailedRuns.Describe(runs, pending, "tune") + ". A failed run stays failed: fix its cause, then rerun with --retry-failed");
            }
            Console.WriteLine(tuner.Finish(runs, dir, CommandLine.Current()));
            Console.WriteLine($"wrote {Path.Combine(dir, "summary.json")}, {Path.Combine(dir, "report.md")} and {Path.Combine(dir, "frontier.png")}; runs are kept in {runs.Location}");
            return 0;
        });
        return command;
    }

    /// <summary>--candidate-clock parsed, its error under its own flag (not --lr-clock's).</summary>
    private static LrClockKind? CandidateClock(string? text)
    {
        if (text is null) return null;
        try { return LrClockKind.Parse(text); }
        catch (UserError e) { throw new UserError($"--candidate-clock {e.Message}", e); }
    }

    /// <summary>Plans the round's runs into the store, submits them as a job array and waits (polling the store) until none is pending or running; false on a dry run.</summary>
    private static bool OnSlurm(ParseResult parse, SweepSlurm slurm, SlurmJob job, RunStore runs, string location, IReadOnlyList<PlannedRun> pending,
        (int? Lease, int? Patience) worker, CancellationToken cancel)
    {
        runs.Expand(pending);
        if (slurm.SubmitRound(parse, job, runs, location, worker.Lease, worker.Patience) is not { } id)
        {
            Console.WriteLine($"tune: {pending.Count} run(s) of this round planned into {runs.Location}; without --slurm-dry-run they run as a job array and tune goes on to the next round");
            return false;
        }
        var keys = pending.Select(p => p.Key).ToList();
        while (true)
        {
            var counts = runs.Counts(keys);
            if (counts[RunStatus.Pending] + counts[RunStatus.Running] == 0) return true;
            if (!SlurmJob.Active(id))
                throw new UserError($"Slurm job {id} ended with {counts[RunStatus.Pending] + counts[RunStatus.Running]} run(s) of this round not done; rerun the same tune command to submit them again");
            if (cancel.WaitHandle.WaitOne(TimeSpan.FromSeconds(5))) cancel.ThrowIfCancellationRequested();
        }
    }
}
