namespace LessData.Experiments;

/// <summary>
/// One line of `lessdata compare`: a method against the baseline trained on the same data and seed.
/// Percentages are of the baseline (100 = the same); Top1Delta is in percentage points.
/// </summary>
public sealed record ComparisonRow(
    string Method, long Evaluations, double EvaluationsPercent, double TrainSeconds, double TimePercent,
    double Top1, double Top1Delta, double Co2Grams, double Co2SavedPercent)
{
    public static IReadOnlyList<ComparisonRow> Build(RunRecord baseline, IEnumerable<RunRecord> methods) =>
        [.. new[] { baseline }.Concat(methods).Select(r => Against(baseline.Totals, r))];

    private static ComparisonRow Against(RunTotals b, RunRecord r)
    {
        var t = r.Totals;
        return new ComparisonRow(
            r.Config.Experiment.Schedule.Spec, t.Evaluations, Percent(t.Evaluations, b.Evaluations), t.TrainSeconds, Percent(t.TrainSeconds, b.TrainSeconds),
            t.Top1, (t.Top1 - b.Top1) * 100, t.Co2Grams, b.Co2Grams > 0 ? (1 - t.Co2Grams / b.Co2Grams) * 100 : double.NaN);
    }

    private static double Percent(double value, double baseline) => baseline > 0 ? value / baseline * 100 : double.NaN;
}
