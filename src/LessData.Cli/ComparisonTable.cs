using System.Globalization;
using LessData.Comparison;
using LessData.Statistics;
using Spectre.Console;

namespace LessData.Cli;

/// <summary>Prints `compare` rows: method, trials, evaluations and time (% of baseline), top-1, paired Δ with CI and p, time saved with CI, adjusted verdict, the unadjusted one beside it, trials for 80% power.</summary>
public static class ComparisonTable
{
    public static void Print(IReadOnlyList<ComparisonRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns(new[] { "method", "trials", "evals %", "train time %", "top-1 % (±SE)", "Δ top-1 [95% CI]", "p paired", "time saved % [95% CI]", "verdict (adjusted)", "unadjusted", "trials for 80% power", "train CO2 saved" }
                .Select(Markup.Escape).ToArray());
        foreach (var r in rows)
        {
            table.AddRow(new[] { r.Method, r.Trials.ToString(CultureInfo.InvariantCulture), F(r.EvaluationsPercent, "F1"), F(r.TimePercent, "F1"),
                $"{F(r.Top1, "F2")} ± {F(r.Top1StdErr, "F2")}",
                r.Delta is { } d ? $"{Headline.Signed(d.Mean)} [{Headline.Signed(d.Low)}, {Headline.Signed(d.High)}]" : "baseline",
                r.Delta is { } p ? Headline.P(p.P) : "",
                r.TimeSaved is { } s ? $"{F(s.Mean, "F1")} [{F(s.Low, "F1")}, {F(s.High, "F1")}]" : "",
                r.Decision is { } v ? NonInferiority.Name(v.Verdict) : "",
                r.Decision is { } u ? NonInferiority.Name(u.Unadjusted) : "",
                NonInferiority.PowerTrialsText(r.Decision?.TrialsFor80Power),
                F(r.TrainCo2SavedPercent, "F1") + "%" }.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(table);
    }

    private static string F(double value, string format) =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
