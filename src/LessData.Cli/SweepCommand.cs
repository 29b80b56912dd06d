using System.CommandLine;
using System.Globalization;
using LessData.Runs;
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
        var plan = new Option<string>("--plan") { Description = $"{string.Join(" | ", SweepPlans.Names)} | a plan file (JSON; may carry a \"recipe\")", Required = true };
        var profile = new Option<string>("--profile")
        {
            Description = "The named recipe the flags start from: paper (hvc, 300 epochs, full data) | cpu (hvc-small, 12 epochs, 6,000/2,000 images of a built-in dataset, a folder whole; 2 threads). "
                + "Precedence: profile < the plan file's recipe < the recipe flags given here",
            DefaultValueFactory = _ => "cpu",
        };
        var datasets = SharedOptions.Datasets("One or more datasets: mnist | fashion-mnist | cifar10 | smallnorb | folder:PATH (default: the plan's recipe's, else fashion-mnist)");
        var trials = new Option<int>("--trials") { Description = "Trials per cell (seed of trial t = --seed + t)", DefaultValueFactory = _ => 3 };
        var store = StoreOptions.Store();
        var lease = StoreOptions.Lease();
        var patience = StoreOptions.Patience();
        var slurm = SweepSlurm.Options();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the expanded plan, seeds and expected cost; run nothing" };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Put failed runs back to pending first" };
        var recipe = new TrainOptions();
        var command = new Command("sweep", "Run a plan of experiments × trials into a results store (resumable); the recipe is the profile's, with any recipe flag given here in its place")
        { plan, profile, datasets, trials, store, lease, patience, dryRun, retryFailed };
        recipe.AddOverridesTo(command);
        foreach (var option in slurm.All) command.Options.Add(option);
        command.Subcommands.Add(SweepStatusCommand.Create());
        command.SetAction(parse =>
        {
            var planName = parse.GetValue(plan)!;
            var cells = SweepPlans.WithBaseline(SweepPlans.Get(planName));
            var profileName = parse.GetValue(profile)!;
            // Precedence: profile < the plan file's recipe < the flags given; --dataset (or the recipe's dataset) picks the data first.
            var recipeDataset = SweepPlans.WithRecipe(planName, SweepProfiles.Get(profileName).Experiment).Dataset;
            var planned = new List<PlannedRun>();
            foreach (var dataset in parse.GetValue(datasets) is { Length: > 0 } given ? [.. given.Select(LessData.Data.DatasetSpec.Parse)] : new[] { recipeDataset })
            {
                var profileOn = SweepProfiles.Get(profileName, dataset);
                var planRecipe = profileOn with { Experiment = SweepPlans.WithRecipe(planName, profileOn.Experiment) with { Dataset = dataset } };
                var config = recipe.Bind(parse, planRecipe);
                planned.AddRange(SweepPlans.Expand(planName, cells, profileName, config, parse.GetValue(trials), config.Experiment.Seed));
            }
            foreach (var run in planned) RunPipeline.Validate(run.Config);
            var first = planned[0].Config.Experiment;
            var scheduleCells = cells.Where(c => c.Selector is null || c.Selector.Spec == "random").ToList();
            foreach (var warning in SweepPlans.RoundingWarnings(scheduleCells, first.Epochs, PlannedRun.TrainSize(first))) Console.Error.WriteLine($"lessdata: {warning}");
            if (parse.GetValue(dryRun)) return DryRun(planned, SweepPlans.PaperRatios(scheduleCells, first.Epochs, PlannedRun.TrainSize(first)));
            var job = slurm.Job(parse);

            using var runs = StoreOptions.Open(parse.GetValue(store), parse.GetValue(lease));
            StoreOptions.Configure(runs, parse.GetValue(patience), m => Console.Error.WriteLine($"sweep: {m}"));
            if (parse.GetValue(retryFailed)) Console.WriteLine($"{runs.RetryFailed()} failed runs put back to pending");
            if (job is not null) return slurm.Submit(parse, job, runs, planned, parse.GetValue(lease), parse.GetValue(patience));
            using var stop = new StopSignals();
            var final = SweepRunner.Run(runs, planned,
                (config, checkpoint, heartbeat, cancel) => ProgressDisplay.Run(RunNames.For(config), observer =>
                    RunPipeline.Run(Here(config, planned), null, ITrainingObserver.Pair(observer, heartbeat), cancel, checkpoint.Directory, CommandLine.Current(), checkpoint.Saved)),
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

    private static int DryRun(IReadOnlyList<PlannedRun> planned, IReadOnlyDictionary<string, double> paper)
    {
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
