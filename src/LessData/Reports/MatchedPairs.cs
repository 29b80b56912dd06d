using System.Text;
using LessData.Comparison;
using LessData.Statistics;
using LessData.Store;
using static LessData.Reports.ReportFormat;

namespace LessData.Reports;

/// <summary>
/// Two cells that trained on the same number of images, compared head to head. P is Welch's (unpaired); Paired is
/// B − A within the seeds both completed, with its 95% CI and paired p.
/// </summary>
internal sealed record MatchedPair(string A, string SpecA, string B, string SpecB, double Evaluations,
    double Top1A, double Top1B, double Delta, double P, PairedDifference? Paired = null);

/// <summary>
/// Cells of one configuration (<see cref="ReportConfiguration"/>) whose runs all had the same evaluations as another cell's, within
/// <see cref="Tolerance"/> (e.g. E2 and I25 at 62.5 %, a selector against random under the same schedule, or InfoBatch
/// with a target fraction, which lands within rounding of it), with B − A in top-1 points and Welch's p. The paper
/// compares methods this way ("Increment is worse than Step at equal evaluations").
/// </summary>
internal static class MatchedPairs
{
    /// <summary>Relative difference of mean evaluations still counted as equal (0.1 %).</summary>
    public const double Tolerance = 0.001;

    public static IReadOnlyList<MatchedPair> Find(IEnumerable<SweepRun> groupRuns, FinalTop1Reading reading = FinalTop1Reading.FullData)
    {
        var cells = groupRuns.Where(r => r.Status == RunStatus.Completed && r.Record is not null)
            .GroupBy(r => (r.ExperimentId, r.Spec))
            .Select(g => (g.Key.ExperimentId, g.Key.Spec, Evaluations: g.Select(r => (double)r.Record!.Totals.Evaluations).ToList(),
                Top1: g.Select(r => FinalTop1.Of(r.Record!, reading) * 100).ToList(),
                BySeed: g.GroupBy(r => r.Seed).ToDictionary(t => t.Key, t => t.First().Record!)))
            .Where(c => c.ExperimentId != "Baseline" && c.Evaluations.Max() - c.Evaluations.Min() <= Tolerance * c.Evaluations.Max())
            .OrderBy(c => ReportTable.Rank(c.ExperimentId)).ThenBy(c => c.ExperimentId, StringComparer.Ordinal)
            .ToList();
        var pairs = new List<MatchedPair>();
        for (int i = 0; i < cells.Count; i++)
            for (int j = i + 1; j < cells.Count; j++)
            {
                var (a, b) = (cells[i], cells[j]);
                double evalA = SampleMoments.Mean(a.Evaluations), evalB = SampleMoments.Mean(b.Evaluations);
                if (Math.Abs(evalA - evalB) > Tolerance * Math.Max(evalA, evalB)) continue;
                double meanA = SampleMoments.Mean(a.Top1), meanB = SampleMoments.Mean(b.Top1);
                var shared = a.BySeed.Keys.Where(b.BySeed.ContainsKey).Order().ToList();
                pairs.Add(new MatchedPair(a.ExperimentId, a.Spec, b.ExperimentId, b.Spec, evalB, meanA, meanB, meanB - meanA,
                    WelchTest.Compare(b.Top1, a.Top1).P, shared.Count == 0 ? null : PairedDifference.Of([.. shared.Select(t => FinalTop1.Pair(b.BySeed[t], a.BySeed[t], reading) is var (x, y) ? (x - y) * 100 : double.NaN)])));
            }
        return pairs;
    }

    public static string PairedCi(PairedDifference? d) => d is null ? "n/a" : $"{Signed(d.Mean)} [{Signed(d.Low)}, {Signed(d.High)}]";

    public static string Markdown(IReadOnlyList<MatchedPair> pairs)
    {
        if (pairs.Count == 0) return "";
        var sb = new StringBuilder("Cells with equal evaluations (within 0.1 %), head to head (Δ = B − A):\n\n");
        sb.AppendLine("| A | B | evaluations (B) | top-1 A % | top-1 B % | Δ (pp) | paired Δ [95% CI] | p (paired) | p (Welch) |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in pairs)
            sb.AppendLine($"| {p.A} `{p.SpecA}` | {p.B} `{p.SpecB}` | {F(p.Evaluations, "N0")} | {F(p.Top1A, "F2")} | {F(p.Top1B, "F2")} | {Signed(p.Delta)} | {PairedCi(p.Paired)} | {P(p.Paired?.P ?? double.NaN)} | {P(p.P)} |");
        return sb.Append('\n').ToString();
    }
}
