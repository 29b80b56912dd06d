using LessData.Experiments;

namespace LessData.Reports;

/// <summary>Builds the paper-style table rows from a store's runs, one group per (dataset, profile), rows in paper order.</summary>
public static class ReportTable
{
    private static readonly string[] s_order = ["Baseline", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "I25", "I50", "I75", "C2", "C3", "C5", "C9"];

    public static IReadOnlyList<ReportRow> Build(IReadOnlyList<SweepRun> runs, double margin = NonInferiority.DefaultMargin)
    {
        var rows = new List<ReportRow>();
        foreach (var group in runs.GroupBy(r => (r.Dataset, r.Profile)).OrderBy(g => g.Key.Dataset).ThenBy(g => g.Key.Profile))
        {
            var baselineRuns = group.Where(r => r.ExperimentId == "Baseline").ToList();
            var baseline = Completed(baselineRuns);
            var groupRows = group.GroupBy(r => (r.ExperimentId, r.Spec)).OrderBy(c => Rank(c.Key.ExperimentId)).ThenBy(c => c.Key.ExperimentId, StringComparer.Ordinal)
                .Select(cell => Paired(Row(group.Key.Dataset, group.Key.Profile, cell.Key.ExperimentId, cell.Key.Spec, cell.ToList(), baseline), cell.ToList(), baselineRuns, margin))
                .ToList();
            var holm = Holm.Adjust([.. groupRows.Select(r => r.Delta?.P ?? double.NaN)]);
            rows.AddRange(groupRows.Select((r, i) => r with { PHolm = holm[i] }));
        }
        return rows;
    }

    /// <summary>Adds the paired figures: differences of trial t of the cell and trial t of the Baseline (same seed).</summary>
    private static ReportRow Paired(ReportRow row, List<SweepRun> cell, List<SweepRun> baseline, double margin)
    {
        if (row.Id == "Baseline") return row with { Margin = margin };
        var b = baseline.Where(r => r.Status == RunStatus.Completed && r.Record is not null).GroupBy(r => r.Trial).ToDictionary(g => g.Key, g => g.First().Record!.Totals);
        var pairs = cell.Where(r => r.Status == RunStatus.Completed && r.Record is not null && b.ContainsKey(r.Trial)).OrderBy(r => r.Trial)
            .Select(r => (M: r.Record!.Totals, B: b[r.Trial])).ToList();
        if (pairs.Count == 0) return row with { Margin = margin, Verdict = LessData.Reports.Verdict.Inconclusive };
        var delta = PairedDifference.Of([.. pairs.Select(p => (p.M.Top1 - p.B.Top1) * 100)]);
        var saved = PairedDifference.Of([.. pairs.Select(p => p.B.TrainSeconds > 0 ? (1 - p.M.TrainSeconds / p.B.TrainSeconds) * 100 : double.NaN)]);
        return row with
        {
            Delta = delta, TimeSaved = saved, Verdict = NonInferiority.Decide(delta, margin), TrialsNeeded = NonInferiority.TrialsNeeded(delta, margin), Margin = margin,
        };
    }

    public static int Rank(string id) => Array.IndexOf(s_order, id) is var i and >= 0 ? i : s_order.Length;

    private static List<RunRecord> Completed(IEnumerable<SweepRun> runs) =>
        [.. runs.Where(r => r.Status == RunStatus.Completed && r.Record is not null).Select(r => r.Record!)];

    private static ReportRow Row(string dataset, string profile, string id, string spec, List<SweepRun> runs, List<RunRecord> baseline)
    {
        var done = Completed(runs);
        double Mean(IEnumerable<RunRecord> rs, Func<RunTotals, double> f) => Statistics.Mean([.. rs.Select(r => f(r.Totals))]);
        double Delta(double value, double reference) => reference > 0 ? (value / reference - 1) * 100 : double.NaN;

        var top1 = done.Select(r => r.Totals.Top1 * 100).ToList();
        var baseTop1 = baseline.Select(r => r.Totals.Top1 * 100).ToList();
        double evaluations = Mean(done, t => t.Evaluations), seconds = Mean(done, t => t.TrainSeconds), co2 = Mean(done, t => t.Co2Grams);
        double baseEvaluations = Mean(baseline, t => t.Evaluations), baseSeconds = Mean(baseline, t => t.TrainSeconds), baseCo2 = Mean(baseline, t => t.Co2Grams);
        return new ReportRow(dataset, profile, id, spec, done.Count,
            runs.Count(r => r.Status == RunStatus.Pending), runs.Count(r => r.Status == RunStatus.Running), runs.Count(r => r.Status == RunStatus.Failed),
            evaluations, Delta(evaluations, baseEvaluations), seconds, Delta(seconds, baseSeconds),
            Statistics.Mean(top1), Statistics.SampleStd(top1), Statistics.Mean(top1) - Statistics.Mean(baseTop1),
            id == "Baseline" ? double.NaN : WelchTest.Compare(top1, baseTop1).P,
            co2, baseCo2 > 0 ? (1 - co2 / baseCo2) * 100 : double.NaN)
        {
            TrainCo2Saved = Mean(baseline, t => t.TrainCo2Grams) is var baseTrain and > 0 ? (1 - Mean(done, t => t.TrainCo2Grams) / baseTrain) * 100 : double.NaN,
            Top1StdErr = Mean(done, t => t.Top1StdErr) * 100,
        };
    }
}
