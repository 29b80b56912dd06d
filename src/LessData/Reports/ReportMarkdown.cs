using System.Text;
using LessData.Statistics;
using static LessData.Reports.ReportFormat;

namespace LessData.Reports;

/// <summary>The paper-style table of one configuration as Markdown, with paired CIs, Holm p and verdicts (adjusted and unadjusted).</summary>
internal static class ReportMarkdown
{
    public static readonly string[] Header =
    [
        "ID", "method", "trials", "evaluations", "Δ evals", "train s", "time saved % [95% CI]", "top-1 % (mean ± std)",
        "Δ top-1 pp [95% CI]", "p paired", "p Holm", "verdict (adjusted)", "verdict (unadjusted)", "trials for 80% power", "p Welch", "train CO2 saved", "CO2 saved (incl. eval)",
    ];

    public static string Table(IEnumerable<ReportRow> rows)
    {
        var list = rows.ToList();
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", Header) + " |");
        sb.AppendLine("|---|---|---|" + string.Concat(Enumerable.Repeat("---:|", Header.Length - 3)));
        foreach (var cells in list.Select(Cells))
            sb.AppendLine("| " + string.Join(" | ", cells) + " |");
        if (list.Count > 0)
            sb.AppendLine().AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Δ and time saved are paired by seed (runs of the same seed share subset, initialisation and augmentation); 95% CIs from Student's t, per cell (unadjusted). Verdicts at margin {list[0].Margin:0.###} points: maintains = interval's lower bound > −margin, loses = upper bound < −margin, else inconclusive. Adjusted: {Rule(list).Describe()} Unadjusted: each cell's own 95% CI. Trials for 80% power: a fixed-n plan at the adjusted level, from the noncentral t at the observed paired Δ and SD. p Holm: the paired p (Δ = 0) adjusted across this table's cells. p Welch: unpaired, for reference."));
        return sb.ToString();
    }

    /// <summary>The rule the table's verdicts used: Bonferroni across its cells with a paired Δ.</summary>
    public static VerdictRule Rule(IReadOnlyList<ReportRow> rows) =>
        VerdictRule.Fixed(rows.Count == 0 ? NonInferiority.DefaultMargin : rows[0].Margin, rows.Count(r => r.Delta is not null));

    /// <summary>One row's cells, shared by the Markdown and HTML tables.</summary>
    public static string[] Cells(ReportRow r) =>
    [
        r.Id, $"`{r.Spec}`", Trials(r), F(r.Evaluations, "N0"), Signed(r.EvaluationsDelta, "0.0") + "%", F(r.TrainSeconds, "F1"),
        r.TimeSaved is { } s ? $"{F(s.Mean, "F1")} [{F(s.Low, "F1")}, {F(s.High, "F1")}]" : "",
        $"{F(r.Top1Mean, "F2")} ± {F(r.Top1Std, "F2")}",
        r.Delta is { } d ? $"{Signed(d.Mean)} [{Signed(d.Low)}, {Signed(d.High)}]" : "",
        r.Delta is { } p ? P(p.P) : "", r.Delta is null ? "" : P(r.PHolm),
        r.Decision is { } v ? NonInferiority.Name(v.Verdict) : "", r.Decision is { } u ? NonInferiority.Name(u.Unadjusted) : "",
        NonInferiority.PowerTrialsText(r.Decision?.TrialsFor80Power),
        r.Id == "Baseline" ? "" : P(r.P), F(r.TrainCo2Saved, "F1") + "%", F(r.Co2Saved, "F1") + "%",
    ];
}
