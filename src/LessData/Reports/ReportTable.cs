using LessData.Comparison;
using LessData.Runs;
using LessData.Statistics;
using LessData.Store;

namespace LessData.Reports;

/// <summary>
/// Builds the paper-style table rows from a store's runs, one table per configuration (<see cref="ReportConfiguration"/>),
/// rows in paper order. Cells are paired with the Baseline of their own configuration by seed; with no such Baseline
/// they get no Δ and no verdict (another configuration's Baseline is never borrowed).
/// </summary>
internal static class ReportTable
{
    private static readonly string[] s_order = ["Baseline", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "I25", "I50", "I75", "C2", "C3", "C5", "C9"];

    public static IReadOnlyList<ReportRow> Build(IReadOnlyList<SweepRun> runs, double margin = NonInferiority.DefaultMargin,
        FinalTop1Reading reading = FinalTop1Reading.FullData) =>
        [.. ReportConfiguration.Group(runs).SelectMany(c => Build(c, margin, reading))];

    /// <summary>The rows of one configuration's table; top-1 read by <paramref name="reading"/> (<see cref="FinalTop1"/>).</summary>
    public static IReadOnlyList<ReportRow> Build(ReportConfiguration configuration, double margin, FinalTop1Reading reading = FinalTop1Reading.FullData)
    {
        var group = configuration.Runs;
        var baselineRuns = group.Where(r => r.ExperimentId == "Baseline").ToList();
        var baseline = Completed(baselineRuns);
        var rows = group.GroupBy(r => (r.ExperimentId, r.Spec)).OrderBy(c => Rank(c.Key.ExperimentId)).ThenBy(c => c.Key.ExperimentId, StringComparer.Ordinal)
            .Select(cell => Paired(Row(configuration.Dataset, configuration.Profile, cell.Key.ExperimentId, cell.Key.Spec, cell.ToList(), baseline, reading), cell.ToList(), baselineRuns, reading)
                with { Margin = margin, Configuration = configuration.Title })
            .ToList();
        var holm = Holm.Adjust([.. rows.Select(r => r.Delta?.P ?? double.NaN)]);
        var rule = VerdictRule.Fixed(margin, rows.Count(r => r.Delta is not null));
        return [.. rows.Select((r, i) => r with { PHolm = holm[i], Decision = r.Delta is { } d ? rule.Judge(d) : null })];
    }

    /// <summary>Adds the paired figures: differences of the cell and the Baseline run with the same seed.</summary>
    private static ReportRow Paired(ReportRow row, List<SweepRun> cell, List<SweepRun> baseline, FinalTop1Reading reading)
    {
        if (row.Id == "Baseline") return row;
        var b = baseline.Where(r => r.Status == RunStatus.Completed && r.Record is not null).GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => g.First().Record!);
        var runs = cell.Where(r => r.Status == RunStatus.Completed && r.Record is not null && b.ContainsKey(r.Seed)).OrderBy(r => r.Seed)
            .Select(r => (M: r.Record!, B: b[r.Seed])).ToList();
        if (runs.Count == 0) return row;
        var (delta, saved) = PairedFigures.Of(runs, reading);
        return row with { Delta = delta, TimeSaved = saved };
    }

    public static int Rank(string id) => Array.IndexOf(s_order, id) is var i and >= 0 ? i : s_order.Length;

    private static List<RunRecord> Completed(IEnumerable<SweepRun> runs) =>
        [.. runs.Where(r => r.Status == RunStatus.Completed && r.Record is not null).Select(r => r.Record!)];

    private static ReportRow Row(string dataset, string profile, string id, string spec, List<SweepRun> runs, List<RunRecord> baseline, FinalTop1Reading reading)
    {
        var done = Completed(runs);
        double Mean(IEnumerable<RunRecord> rs, Func<RunTotals, double> f) => SampleMoments.Mean([.. rs.Select(r => f(r.Totals))]);
        double Delta(double value, double reference) => reference > 0 ? (value / reference - 1) * 100 : double.NaN;

        var top1 = done.Select(r => FinalTop1.Of(r, reading) * 100).ToList();
        var baseTop1 = baseline.Select(r => FinalTop1.Of(r, reading) * 100).ToList();
        double evaluations = Mean(done, t => t.Evaluations), seconds = Mean(done, t => t.TrainSeconds), co2 = Mean(done, t => t.Co2Grams);
        double baseEvaluations = Mean(baseline, t => t.Evaluations), baseSeconds = Mean(baseline, t => t.TrainSeconds), baseCo2 = Mean(baseline, t => t.Co2Grams);
        return new ReportRow(dataset, profile, id, spec, done.Count,
            runs.Count(r => r.Status == RunStatus.Pending), runs.Count(r => r.Status == RunStatus.Running), runs.Count(r => r.Status == RunStatus.Failed),
            evaluations, Delta(evaluations, baseEvaluations), seconds, Delta(seconds, baseSeconds),
            SampleMoments.Mean(top1), SampleMoments.SampleStd(top1), SampleMoments.Mean(top1) - SampleMoments.Mean(baseTop1),
            id == "Baseline" ? double.NaN : WelchTest.Compare(top1, baseTop1).P,
            co2, baseCo2 > 0 ? (1 - co2 / baseCo2) * 100 : double.NaN)
        {
            TrainCo2Saved = Mean(baseline, t => t.TrainCo2Grams) is var baseTrain and > 0 ? (1 - Mean(done, t => t.TrainCo2Grams) / baseTrain) * 100 : double.NaN,
            Top1StdErr = Mean(done, t => t.Top1StdErr) * 100,
        };
    }
}
