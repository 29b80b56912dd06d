using System.CommandLine;
using System.Globalization;
using LessData.Runs;
using LessData.Selection;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;
using Spectre.Console;

namespace LessData.Cli;

/// <summary>`lessdata sweep`: run a plan × trials × datasets into a results store (SQLite or PostgreSQL), here or as a Slurm job array; resumable and safe to run twice at once.</summary>
public static class SweepCommand
{
    /// <param name="seams">The node name and fault injector its runs use (<see cref="WorkerSeams.Production"/> when null; tests supply their own).</param>
    public static Command Create(WorkerSeams? seams = null)
    {
        var plan = new Option<string>("--plan") { Description = $"{string.Join(" | ", SweepPlans.Names)} | a plan file (JSON)", Required = true };
        var profile = new Option<string>("--profile") { Description = "paper (hvc, 300 epochs, full data) | cpu (hvc-small, sized for 2 CPU cores)", DefaultValueFactory = _ => "cpu" };
        var datasets = SharedOptions.Datasets("One or more datasets", ["fashion-mnist"]);
        var trials = new Option<int>("--trials") { Description = "Trials per cell (seed of trial t = --seed + t)", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Base seed", DefaultValueFactory = _ => 1 };
        var store = StoreOptions.Store();
        var lease = StoreOptions.Lease();
        var patience = StoreOptions.Patience();
        var slurm = SweepSlurm.Options();
        var epochs = new Option<int?>("--epochs") { Description = "Override the profile's epochs" };
        var trainLimit = new Option<int?>("--train-limit") { Description = "Override the profile's training subset" };
        var testLimit = new Option<int?>("--test-limit") { Description = "Override the profile's test subset" };
        var dataDir = SharedOptions.DataDir("Folder holding the datasets (environment: not part of a run's identity)");
        var threads = SharedOptions.Threads("libtorch threads (environment: not part of a run's identity)");
        var selector = new Option<string?>("--selector") { Description = "Selector for every cell without its own" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the expanded plan, seeds and expected cost; run nothing" };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Put failed runs back to pending first" };
        var command = new Command("sweep", "Run a plan of experiments × trials into a results store (resumable)")
        { plan, profile, datasets, trials, seed, store, lease, patience, epochs, trainLimit, testLimit, dataDir, threads, selector, dryRun, retryFailed };
        foreach (var option in slurm.All) command.Options.Add(option);
        command.Subcommands.Add(SweepStatusCommand.Create());
        command.SetAction(parse =>
        {
            var cells = SweepPlans.WithBaseline(SweepPlans.Get(parse.GetValue(plan)!));
            var profileName = parse.GetValue(profile)!;
            var planned = new List<PlannedRun>();
            foreach (var dataset in parse.GetValue(datasets)!)
            {
                var p = SweepProfiles.Get(profileName);
                var e = p.Experiment;
                var config = new TrainConfig
                {
                    Experiment = e with
                    {
                        Dataset = LessData.Data.DatasetSpec.Parse(dataset),
                        Epochs = parse.GetValue(epochs) ?? e.Epochs,
                        TrainLimit = parse.GetValue(trainLimit) ?? e.TrainLimit,
                        TestLimit = parse.GetValue(testLimit) ?? e.TestLimit,
                        Selector = parse.GetValue(selector) is { } s ? Selectors.Parse(s) : e.Selector,
                    },
                    Environment = p.Environment with
                    {
                        DataDir = parse.GetValue(dataDir),
                        Threads = parse.GetValue(threads) ?? p.Environment.Threads,
                    },
                };
                planned.AddRange(PlanExpansion.Expand(parse.GetValue(plan)!, cells, profileName, config, parse.GetValue(trials), parse.GetValue(seed)));
            }
            foreach (var run in planned) RunPipeline.Validate(run.Config);
            var first = planned[0].Config.Experiment;
            var ratios = PlanRounding.Ratios(cells.Where(c => c.Selector is null || c.Selector.Spec == "random"), first.Epochs, PlannedRun.TrainSize(first));
            foreach (var warning in PlanRounding.Warnings(ratios, first.Epochs)) Console.Error.WriteLine($"lessdata: {warning}");
            if (parse.GetValue(dryRun)) return DryRun(planned, ratios);
            var job = slurm.Job(parse);

            using var runs = StoreOptions.Open(parse.GetValue(store), parse.GetValue(lease));
            StoreOptions.Configure(runs, parse.GetValue(patience), m => Console.Error.WriteLine($"sweep: {m}"));
            if (parse.GetValue(retryFailed)) Console.WriteLine($"{runs.RetryFailed()} failed runs put back to pending");
            if (job is not null) return slurm.Submit(parse, job, runs, planned, parse.GetValue(lease), parse.GetValue(patience));
            using var stop = new StopSignals();
            var final = SweepRunner.Run(runs, planned,
                (config, checkpoint, heartbeat, cancel) => ProgressDisplay.Run(RunNames.For(config), observer =>
                    RunPipeline.Run(Here(config, planned), null, new LessData.Training.ObserverPair(observer, heartbeat), cancel, checkpoint.Directory, CommandLine.Current(), checkpoint.Saved)),
                p => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sweep: {p.Completed}/{p.Total} runs done{(p.HeldByOthers > 0 ? $", {p.HeldByOthers} running elsewhere" : "")}{(p.Eta is { } eta ? $", ETA {eta:hh\\:mm\\:ss}" : "")}{(p.Current is { } c ? $" — now {c}" : "")}")),
                stop.Token, seams);
            var counts = runs.Counts(planned.Select(p => p.Key));
            Console.WriteLine($"sweep finished: {counts[RunStatus.Completed]} completed, {counts[RunStatus.Failed]} failed, {counts[RunStatus.Running]} running elsewhere, {counts[RunStatus.Pending]} pending; store {runs.Location}");
            if (counts[RunStatus.Failed] > 0) Console.Error.WriteLine($"lessdata: {FailedRuns.Describe(runs, planned, "sweep")}");
            return counts[RunStatus.Failed] > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>A claimed run trains in this sweep's environment (data folder, threads), whoever planned it.</summary>
    private static TrainConfig Here(TrainConfig claimed, IReadOnlyList<PlannedRun> planned) =>
        planned.FirstOrDefault(p => p.Dataset == claimed.Experiment.Dataset) is { } mine ? claimed with { Environment = mine.Config.Environment } : claimed;

    private static int DryRun(IReadOnlyList<PlannedRun> planned, IReadOnlyList<CellRatio> ratios)
    {
        var paper = ratios.ToDictionary(r => r.Id, r => r.PaperRatio);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("dataset", "cell", "spec", "trials", "seeds", "epochs", "images", "expected evaluations / run", "cost vs baseline", "paper's ratio (300 epochs)");
        foreach (var group in planned.GroupBy(p => (p.Dataset, p.ExperimentId, p.Spec)))
        {
            var c = group.First().Config.Experiment;
            int n = PlannedRun.TrainSize(c);
            long? evaluations = PlannedRun.ExpectedEvaluations(c, n);
            double baseline = (double)c.Epochs * n;
            table.AddRow(group.Key.Dataset, group.Key.ExperimentId, group.Key.Spec, group.Count().ToString(CultureInfo.InvariantCulture),
                string.Join(",", group.Select(g => g.Seed)), c.Epochs.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture),
                evaluations is { } e ? e.ToString("N0", CultureInfo.InvariantCulture) : "≤ " + (c.Epochs * (long)n).ToString("N0", CultureInfo.InvariantCulture) + " (set by the losses)",
                evaluations is { } f ? (f / baseline).ToString("P1", CultureInfo.InvariantCulture) : "≤ 100 %",
                paper.TryGetValue(group.Key.ExperimentId, out double p) && !group.Key.Spec.Contains('+') ? p.ToString("P1", CultureInfo.InvariantCulture) : "");
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"{planned.Count} runs; nothing was run (--dry-run).");
        return 0;
    }
}
