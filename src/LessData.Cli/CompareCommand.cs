using System.CommandLine;
using System.Globalization;
using LessData.Comparison;
using LessData.Runs;
using LessData.Selection;
using LessData.Statistics;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;

namespace LessData.Cli;

/// <summary>
/// `lessdata compare`: the baseline (full + random unless asked) and each schedule, trial by trial on shared seeds;
/// prints paired Δ top-1 and time saved with 95% CIs, paired p and a verdict per method. Runs are kept in a store.
/// </summary>
public static class CompareCommand
{
    public sealed record Settings(int Trials = 1, double Margin = NonInferiority.DefaultMargin, bool UntilDecided = false, int MaxTrials = 10,
        string? Store = null, string? BaselineSelector = null, string? BaselineModel = null, FinalTop1Reading FinalTop1 = FinalTop1Reading.FullData);

    /// <param name="seams">The node name and fault injector its runs use (<see cref="WorkerSeams.Production"/> when null; tests supply their own).</param>
    public static Command Create(WorkerSeams? seams = null)
    {
        var options = new TrainOptions();
        var schedules = new Option<string[]>("--schedules") { Description = "Schedules to compare with the baseline (each with --selector)", AllowMultipleArgumentsPerToken = true, Required = true };
        var outDir = SharedOptions.Out("Folder for the run folders and the summary (default: runs/compare)");
        var trials = new Option<int>("--trials") { Description = "Trials (seed of trial t = --seed + t, shared by every method)", DefaultValueFactory = _ => 1 };
        var margin = new Option<double>("--margin") { Description = "Non-inferiority margin in points of top-1", DefaultValueFactory = _ => NonInferiority.DefaultMargin };
        var untilDecided = new Option<bool>("--until-decided") { Description = "Add trials until every method has a verdict, or --max-trials (a sequential design keeps each verdict's 2.5% error over the looks)" };
        var maxTrials = new Option<int>("--max-trials") { Description = "Upper bound on trials with --until-decided", DefaultValueFactory = _ => 10 };
        var store = StoreOptions.Store("SQLite store of the runs (default: <out>/compare.db); a killed compare resumes");
        var baselineSelector = new Option<string?>("--baseline-selector") { Description = "Selector of the baseline (default random, whatever --selector is)" };
        var baselineModel = new Option<string?>("--baseline-model") { Description = "Model of the baseline (default --model), e.g. to compare hvc-small:bf16 with hvc-small" };
        var finalTop1 = FinalTop1Option.Create();
        var command = new Command("compare", "Run the baseline and each schedule on shared seeds; print paired CIs, p and a verdict per method");
        options.AddTo(command, includeSchedule: false);
        foreach (var o in new Option[] { schedules, outDir, trials, margin, untilDecided, maxTrials, store, baselineSelector, baselineModel, finalTop1 }) command.Add(o);
        command.SetAction(parse => Execute(options.Bind(parse), parse.GetValue(schedules)!, parse.GetValue(outDir) ?? Path.Combine("runs", "compare"),
            new Settings(parse.GetValue(trials), parse.GetValue(margin), parse.GetValue(untilDecided), parse.GetValue(maxTrials),
                parse.GetValue(store), parse.GetValue(baselineSelector), parse.GetValue(baselineModel), FinalTop1Option.Get(parse, finalTop1)), seams));
        return command;
    }

    public static int Execute(TrainConfig baseConfig, IReadOnlyList<string> schedules, string outDir, Settings? settings = null, WorkerSeams? seams = null)
    {
        var s = settings ?? new Settings();
        if (!(s.Margin > 0)) throw new UserError($"--margin must be a positive number of points (got {s.Margin.ToString(CultureInfo.InvariantCulture)})");
        if (s.Trials < 1) throw new UserError($"--trials must be at least 1 (got {s.Trials})");
        if (s.UntilDecided && s.MaxTrials < Math.Max(2, s.Trials)) throw new UserError($"--max-trials must be at least 2 and at least --trials (got {s.MaxTrials})");
        var baseline = baseConfig with
        {
            Experiment = baseConfig.Experiment with
            {
                Schedule = Schedules.Full(),
                Selector = Selectors.Parse(s.BaselineSelector ?? "random"),
                Model = s.BaselineModel is null ? baseConfig.Experiment.Model : LessData.Models.ModelSpec.Parse(s.BaselineModel),
            },
        };
        var plan = new ComparisonPlan(baseline, [.. schedules.Select(x => ComparisonPlan.WithSchedule(baseConfig, Schedules.Parse(x)))]);
        foreach (var c in plan.Methods.Prepend(baseline)) RunPipeline.Validate(c); // every spec checked before the first run starts

        RunOutputs.CheckWritable(outDir); // before any run: results are never lost to a late I/O failure
        Directory.CreateDirectory(outDir);
        using var store = RunStore.Open(s.Store ?? Path.Combine(outDir, "compare.db"));
        using var stop = new StopSignals();
        int trials = s.Trials;
        // Until decided: a sequential design over every look the command can make (after trials … max-trials), and a
        // method's verdict is final at the look that reached it: its later trials are not run and do not count.
        var rule = plan.Rule(s.Margin, s.UntilDecided ? (s.Trials, s.MaxTrials) : null);
        var decided = new DecidedMethods();
        while (true)
        {
            var planned = decided.Needed(plan.Expand(trials));
            SweepRunner.Run(store, planned,
                (config, checkpoint, heartbeat, cancel) => ProgressDisplay.Run($"{Label(config, baseline)} seed {config.Experiment.Seed}", observer =>
                    RunPipeline.Run(config, Path.Combine(outDir, Folder(config, baseline)), ITrainingObserver.Pair(observer, heartbeat), cancel, checkpoint.Directory, CommandLine.Current(), checkpoint.Saved)),
                null, stop.Token, seams);
            var counts = store.Counts(planned.Select(p => p.Key));
            if (counts[RunStatus.Failed] > 0) throw new UserError(FailedRuns.Describe(store, planned, "compare"));
            var rows = plan.Rows(planned, store.Completed(planned.Select(p => p.Key)), rule, s.FinalTop1);
            decided.Record(rows);
            foreach (var r in rows.Where(r => !r.IsBaseline))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"compare: {trials} trial(s) — {r.Method}: Δ top-1 {Headline.Signed(r.Delta!.Mean)}, CI width {(double.IsNaN(r.Delta.Width) ? "n/a" : r.Delta.Width.ToString("0.00", CultureInfo.InvariantCulture))} pp, {NonInferiority.Name(r.Verdict!.Value)}{(r.Trials < trials ? $" (final at {r.Trials} trials)" : "")}"));
            if (!s.UntilDecided || ComparisonPlan.Decided(rows) || trials >= s.MaxTrials)
            {
                Report(rows, rule, store.Completed([planned[0].Key]).Values.First(), s.FinalTop1, outDir, store.Location);
                return 0;
            }
            trials++;
        }
    }

    /// <summary>
    /// How a comparison ends (compare and demo): the table, each method's headline, the verdict rule, and summary.md +
    /// summary.json in <paramref name="outDir"/>; <paramref name="sample"/> is one of its runs (for the setup line).
    /// </summary>
    internal static void Report(IReadOnlyList<ComparisonRow> rows, VerdictRule rule, RunRecord sample, FinalTop1Reading reading, string outDir, string storeLocation)
    {
        ComparisonTable.Print(rows);
        foreach (var r in rows.Where(r => !r.IsBaseline)) Console.WriteLine(Headline.For(r));
        Console.WriteLine("verdicts: " + rule.Describe());
        var summary = ComparisonSummary.Write(outDir, rows, sample, CommandLine.Current(), rule, reading);
        Console.WriteLine($"wrote {summary}, {Path.Combine(outDir, "summary.json")} and the run folders under {outDir}; runs are kept in {storeLocation}");
    }

    private static string Label(TrainConfig c, TrainConfig baseline) =>
        ComparisonRow.Label(c.Experiment.Schedule.Spec, c.Experiment.Selector.Spec, c.Experiment.Model, baseline.Experiment.Model);

    /// <summary>The run folder: dataset, schedule, selector and seed, plus the model when it differs from the baseline's.</summary>
    internal static string Folder(TrainConfig c, TrainConfig baseline) =>
        RunNames.For(c) + (c.Experiment.Model == baseline.Experiment.Model ? "" : "-" + new string(c.Experiment.Model.ToString().Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray()));
}
