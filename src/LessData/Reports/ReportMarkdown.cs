using System.Text;
using static LessData.Reports.ReportFormat;

namespace LessData.Reports;

/// <summary>The paper-style table of one (dataset, profile) as Markdown.</summary>
public static class ReportMarkdown
{
    public static string Table(IEnumerable<ReportRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| ID | method | trials | evaluations | Δ evals | train s | Δ time | top-1 % (mean ± std) | Δ top-1 (pp) | p (Welch) | CO2 g | CO2 saved |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            sb.AppendLine($"| {r.Id} | `{r.Spec}` | {Trials(r)} | {F(r.Evaluations, "N0")} | {Signed(r.EvaluationsDelta, "0.0")}% | {F(r.TrainSeconds, "F1")} | {Signed(r.TimeDelta, "0.0")}% | {F(r.Top1Mean, "F2")} ± {F(r.Top1Std, "F2")} | {Signed(r.Top1Delta)} | {P(r.P)} | {F(r.Co2Grams, "F3")} | {F(r.Co2Saved, "F1")}% |");
        return sb.ToString();
    }
}
