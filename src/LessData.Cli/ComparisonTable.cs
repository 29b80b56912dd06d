using System.Globalization;
using LessData.Experiments;
using Spectre.Console;

namespace LessData.Cli;

/// <summary>Prints `compare` rows: method, evaluations (% of baseline), training time (%), top-1 (Δ), CO2 (g, % saved).</summary>
public static class ComparisonTable
{
    public static void Print(IReadOnlyList<ComparisonRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("method", "evaluations", "% of base", "train s", "% of base", "top-1 %", "Δ top-1", "CO2 g", "CO2 saved");
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.Method), F(r.Evaluations, "N0"), F(r.EvaluationsPercent, "F1"), F(r.TrainSeconds, "F1"),
                F(r.TimePercent, "F1"), F(r.Top1 * 100, "F2"), F(r.Top1Delta, "+0.00;-0.00;0.00"), F(r.Co2Grams, "F3"), F(r.Co2SavedPercent, "F1") + "%");
        }
        AnsiConsole.Write(table);
    }

    private static string F(double value, string format) =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
