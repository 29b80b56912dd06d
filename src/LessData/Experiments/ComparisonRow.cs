using LessData.Reports;

namespace LessData.Experiments;

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
    Verdict? Verdict, int? TrialsNeeded, double Margin)
{
    public bool IsBaseline => Delta is null;

    /// <summary>How a row names its method: the schedule, "+ selector" unless random, "@ model" when it is not the baseline's.</summary>
    public static string Label(string schedule, string selector, string model, string baselineModel) =>
        schedule + (selector == "random" ? "" : " + " + selector) + (model == baselineModel ? "" : " @ " + model);

    /// <summary>The baseline row and one row per method; runs are matched by trial (the seed they share).</summary>
    public static IReadOnlyList<ComparisonRow> Build(IReadOnlyDictionary<int, RunRecord> baseline,
        IEnumerable<IReadOnlyDictionary<int, RunRecord>> methods, double margin)
    {
        var b = baseline.Values.Select(r => r.Totals).ToList();
        var rows = new List<ComparisonRow> { Summarize(First(baseline), b, b, null, null, null, null, margin) };
        foreach (var method in methods)
        {
            var trials = method.Keys.Where(baseline.ContainsKey).Order().ToList();
            var m = trials.Select(t => method[t].Totals).ToList();
            var paired = trials.Select(t => baseline[t].Totals).ToList();
            var delta = PairedDifference.Of([.. trials.Select((_, i) => (m[i].Top1 - paired[i].Top1) * 100)]);
            var saved = PairedDifference.Of([.. trials.Select((_, i) => paired[i].TrainSeconds > 0 ? (1 - m[i].TrainSeconds / paired[i].TrainSeconds) * 100 : double.NaN)]);
            var verdict = NonInferiority.Decide(delta, margin);
            rows.Add(Summarize(First(method), m, paired, delta, saved, verdict, NonInferiority.TrialsNeeded(delta, margin), margin, First(baseline).Config.Experiment.Model));
        }
        return rows;
    }

    private static RunRecord First(IReadOnlyDictionary<int, RunRecord> runs) =>
        runs.Count == 0 ? throw new InvalidOperationException("a compared cell has no completed runs") : runs[runs.Keys.Min()];

    private static ComparisonRow Summarize(RunRecord sample, List<RunTotals> m, List<RunTotals> b, PairedDifference? delta,
        PairedDifference? saved, Verdict? verdict, int? trialsNeeded, double margin, string? baselineModel = null)
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
            Mean(m, t => t.Top1) * 100, Mean(m, t => t.Top1StdErr) * 100, delta, saved,
            co2, Saved(co2, Mean(b, t => t.Co2Grams)), trainCo2, Saved(trainCo2, Mean(b, t => t.TrainCo2Grams)),
            verdict, trialsNeeded, margin);
    }
}
