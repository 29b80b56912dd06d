using LessData.Runs;
using LessData.Selection;
using LessData.Statistics;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;

namespace LessData.Comparison;

/// <summary>
/// What `compare` runs: a baseline config and method configs (they differ in schedule, selector or model), each
/// for trials 0..T−1 with seed = base seed + t, shared by every cell of the trial so the differences are paired.
/// Runs live in a store (like sweeps), so a killed compare resumes and more trials can be added later.
/// </summary>
public sealed record ComparisonPlan(TrainConfig Baseline, IReadOnlyList<TrainConfig> Methods)
{
    internal const string PlanName = "compare";

    /// <summary>A config that differs from <paramref name="config"/> only in its schedule (a method of a comparison).</summary>
    public static TrainConfig WithSchedule(TrainConfig config, ISchedule schedule) =>
        config with { Experiment = config.Experiment with { Schedule = schedule } };

    /// <summary>The runs of trials 0..trials−1: the baseline and every method per trial, sharing the trial's seed.</summary>
    public IReadOnlyList<PlannedRun> Expand(int trials)
    {
        if (trials < 1) throw new UserError($"must be at least 1 (got {trials})", parameter: "trials");
        var cells = new[] { ("Baseline", Baseline) }.Concat(Methods.Select((m, i) => (MethodId(i), m))).ToList();
        return [.. Enumerable.Range(0, trials).SelectMany(t => cells.Select(cell =>
        {
            int seed = TrialSeeds.For(Baseline.Experiment.Seed, t);
            var config = cell.Item2 with { Experiment = cell.Item2.Experiment with { Seed = seed } };
            var e = config.Experiment;
            return new PlannedRun(PlanName, PlanName, e.Dataset, cell.Item1,
                ComparisonRow.Label(e.Schedule.Spec, e.Selector.Spec, e.Model, Baseline.Experiment.Model), t, seed, config);
        }))];
    }

    /// <summary>
    /// The verdict rule of this comparison: Bonferroni across its methods, and, when trials are added until every
    /// method is decided, a Pocock-type sequential design over the looks after firstLook … lastLook trials.
    /// </summary>
    public VerdictRule Rule(double margin, (int FirstLook, int LastLook)? looks = null) =>
        looks is { } l ? VerdictRule.Sequential(margin, Methods.Count, l.FirstLook, l.LastLook) : VerdictRule.Fixed(margin, Methods.Count);

    /// <summary>The comparison rows from the store's completed runs of these planned runs (paired by trial).</summary>
    public IReadOnlyList<ComparisonRow> Rows(IReadOnlyList<PlannedRun> planned, IReadOnlyDictionary<string, RunRecord> completed, double margin) =>
        Rows(planned, completed, Rule(margin));

    /// <summary>The comparison rows, judged by <paramref name="rule"/>.</summary>
    public IReadOnlyList<ComparisonRow> Rows(IReadOnlyList<PlannedRun> planned, IReadOnlyDictionary<string, RunRecord> completed, VerdictRule rule,
        FinalTop1Reading reading = FinalTop1Reading.FullData)
    {
        Dictionary<int, RunRecord> Cell(string id) => planned.Where(p => p.ExperimentId == id && completed.ContainsKey(p.Key))
            .ToDictionary(p => p.Trial, p => completed[p.Key]);
        return ComparisonRow.Build(Cell("Baseline"), Methods.Select((_, i) => (IReadOnlyDictionary<int, RunRecord>)Cell(MethodId(i))), rule, reading);
    }

    /// <summary>The experiment id of method i (0-based) in the planned runs and the store.</summary>
    public static string MethodId(int i) => $"M{i + 1}";

    /// <summary>Every method has a verdict other than inconclusive.</summary>
    public static bool Decided(IReadOnlyList<ComparisonRow> rows) => rows.Where(r => !r.IsBaseline).All(r => r.Verdict is not Verdict.Inconclusive);
}
