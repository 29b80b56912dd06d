using LessData.Runs;
using LessData.Statistics;

namespace LessData.Comparison;

/// <summary>
/// One line of `lessdata compare`: a method (schedule + selector, and model when it differs) against the baseline
/// over the trials both completed. Trials share a seed, so Δ top-1 and time saved are paired differences, one per
/// trial (<see cref="PairedDifference"/>). Percentages are of the baseline's means; Top1 is the mean final top-1 in
/// percent with its mean test-sampling standard error in points.
/// </summary>
public sealed record ComparisonRow(
    string Method, string Schedule, string Selector, string Model, int Trials,
    double Evaluations, double EvaluationsPercent, double TrainSeconds, double TimePercent,
    double Top1, double Top1StdErr, PairedDifference? Delta, PairedDifference? TimeSaved,
    double Co2Grams, double Co2SavedPercent, double TrainCo2Grams, double TrainCo2SavedPercent,
    VerdictDecision? Decision, double Margin)
{
    /// <summary>Whether this is the baseline's row (it has no paired difference).</summary>
    public bool IsBaseline => Delta is null;

    /// <summary>The adjusted verdict (<see cref="VerdictRule"/>); null for the baseline.</summary>
    public Verdict? Verdict => Decision?.Verdict;

    /// <summary>How a row names its method: the schedule, "+ selector" unless random, "@ model" when it is not the baseline's.</summary>
    public static string Label(string schedule, string selector, string model, string baselineModel) =>
        schedule + (selector == "random" ? "" : " + " + selector) + (model == baselineModel ? "" : " @ " + model);

    /// <summary>The rows with fixed-n verdicts, adjusted for the number of methods.</summary>
    public static IReadOnlyList<ComparisonRow> Build(IReadOnlyDictionary<int, RunRecord> baseline,
        IReadOnlyList<IReadOnlyDictionary<int, RunRecord>> methods, double margin) =>
        Build(baseline, methods, VerdictRule.Fixed(margin, methods.Count));

    /// <summary>
    /// The baseline row and one row per method; runs are matched by trial (the seed they share), and each pair's top-1
    /// is read by <paramref name="reading"/> (<see cref="FinalTop1"/>).
    /// </summary>
    internal static IReadOnlyList<ComparisonRow> Build(IReadOnlyDictionary<int, RunRecord> baseline,
        IEnumerable<IReadOnlyDictionary<int, RunRecord>> methods, VerdictRule rule, FinalTop1Reading reading = FinalTop1Reading.FullData)
    {
        double margin = rule.Margin;
        var b = baseline.Values.Select(r => r.Totals).ToList();
        double Top1(IEnumerable<RunRecord> runs) => runs.Select(r => FinalTop1.Of(r, reading)).DefaultIfEmpty(double.NaN).Average() * 100;
        var rows = new List<ComparisonRow> { Summarize(First(baseline), b, b, Top1(baseline.Values), null, null, null, margin) };
        foreach (var method in methods)
        {
            var trials = method.Keys.Where(baseline.ContainsKey).Order().ToList();
            var m = trials.Select(t => method[t].Totals).ToList();
            var paired = trials.Select(t => baseline[t].Totals).ToList();
            var (delta, saved) = PairedFigures.Of([.. trials.Select(t => (method[t], baseline[t]))], reading);
            rows.Add(Summarize(First(method), m, paired, Top1(trials.Select(t => method[t])), delta, saved, rule.Judge(delta), margin, First(baseline).Config.Experiment.Model));
        }
        return rows;
    }

    private static RunRecord First(IReadOnlyDictionary<int, RunRecord> runs) =>
        runs.Count == 0 ? throw new InvalidOperationException("a compared cell has no completed runs") : runs[runs.Keys.Min()];

    private static ComparisonRow Summarize(RunRecord sample, List<RunTotals> m, List<RunTotals> b, double top1, PairedDifference? delta,
        PairedDifference? saved, VerdictDecision? decision, double margin, string? baselineModel = null)
    {
        double Mean(IEnumerable<RunTotals> ts, Func<RunTotals, double> f) => ts.Select(f).DefaultIfEmpty(double.NaN).Average();
        double Percent(double v, double reference) => reference > 0 ? v / reference * 100 : double.NaN;
        double Saved(double v, double reference) => reference > 0 ? (1 - v / reference) * 100 : double.NaN;
        var c = sample.Config.Experiment;
        double evaluations = Mean(m, t => t.Evaluations), seconds = Mean(m, t => t.TrainSeconds);
        double co2 = Mean(m, t => t.Co2Grams), trainCo2 = Mean(m, t => t.TrainCo2Grams);
        return new ComparisonRow(
            Label(c.Schedule.Spec, c.Selector.Spec, c.Model, baselineModel ?? c.Model), c.Schedule.Spec, c.Selector.Spec, c.Model, m.Count,
            evaluations, Percent(evaluations, Mean(b, t => t.Evaluations)), seconds, Percent(seconds, Mean(b, t => t.TrainSeconds)),
            top1, Mean(m, t => t.Top1StdErr) * 100, delta, saved,
            co2, Saved(co2, Mean(b, t => t.Co2Grams)), trainCo2, Saved(trainCo2, Mean(b, t => t.TrainCo2Grams)),
            decision, margin);
    }
}
