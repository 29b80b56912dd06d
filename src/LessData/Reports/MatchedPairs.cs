using System.Text;
using LessData.Experiments;
using static LessData.Reports.ReportFormat;

namespace LessData.Reports;

/// <summary>Two cells that trained on the same number of images, compared head to head.</summary>
public sealed record MatchedPair(string A, string SpecA, string B, string SpecB, double Evaluations,
    double Top1A, double Top1B, double Delta, double P);

/// <summary>
/// Cells of one (dataset, profile) whose runs all had the same evaluations as another cell's (e.g. E2 and I25 at
/// 62.5 %, or a selector against random under the same schedule), with B − A in top-1 points and Welch's p. The paper
/// compares methods this way ("Increment is worse than Step at equal evaluations").
/// </summary>
public static class MatchedPairs
{
    public static IReadOnlyList<MatchedPair> Find(IEnumerable<SweepRun> groupRuns)
    {
        var cells = groupRuns.Where(r => r.Status == RunStatus.Completed && r.Record is not null)
            .GroupBy(r => (r.ExperimentId, r.Spec))
            .Select(g => (g.Key.ExperimentId, g.Key.Spec, Evaluations: g.Select(r => r.Record!.Totals.Evaluations).Distinct().ToList(),
                Top1: g.Select(r => r.Record!.Totals.Top1 * 100).ToList()))
            .Where(c => c.Evaluations.Count == 1 && c.ExperimentId != "Baseline")
            .OrderBy(c => ReportTable.Rank(c.ExperimentId)).ThenBy(c => c.ExperimentId, StringComparer.Ordinal)
            .ToList();
        var pairs = new List<MatchedPair>();
        for (int i = 0; i < cells.Count; i++)
            for (int j = i + 1; j < cells.Count; j++)
            {
                var (a, b) = (cells[i], cells[j]);
                if (a.Evaluations[0] != b.Evaluations[0]) continue;
                double meanA = Statistics.Mean(a.Top1), meanB = Statistics.Mean(b.Top1);
                pairs.Add(new MatchedPair(a.ExperimentId, a.Spec, b.ExperimentId, b.Spec, a.Evaluations[0], meanA, meanB, meanB - meanA,
                    WelchTest.Compare(b.Top1, a.Top1).P));
            }
        return pairs;
    }

    public static string Markdown(IReadOnlyList<MatchedPair> pairs)
    {
        if (pairs.Count == 0) return "";
        var sb = new StringBuilder("Cells with equal evaluations, head to head (Δ = B − A):\n\n");
        sb.AppendLine("| A | B | evaluations | top-1 A % | top-1 B % | Δ (pp) | p (Welch) |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var p in pairs)
            sb.AppendLine($"| {p.A} `{p.SpecA}` | {p.B} `{p.SpecB}` | {F(p.Evaluations, "N0")} | {F(p.Top1A, "F2")} | {F(p.Top1B, "F2")} | {Signed(p.Delta)} | {P(p.P)} |");
        return sb.Append('\n').ToString();
    }
}
