using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LessData.Experiments;

/// <summary>Writes `compare`'s summary: summary.md (the table and the command) and summary.json (the rows).</summary>
public static class ComparisonSummary
{
    public static string Write(string outDir, IReadOnlyList<ComparisonRow> rows, IReadOnlyList<RunRecord> records, string command)
    {
        Directory.CreateDirectory(outDir);
        var c = records[0].Config.Experiment;
        var md = new StringBuilder();
        md.AppendLine("# LessData comparison").AppendLine();
        md.AppendLine($"Command: `{command}`").AppendLine();
        md.AppendLine(Inv($"Dataset {c.Dataset}, model {c.Model}, {c.Epochs} epochs, batch {c.BatchSize}, seed {c.Seed}, train limit {c.TrainLimit?.ToString(CultureInfo.InvariantCulture) ?? "all"}, test limit {c.TestLimit?.ToString(CultureInfo.InvariantCulture) ?? "all"}; energy source {records[0].Totals.EnergySource}."));
        md.AppendLine();
        md.AppendLine("| method | evaluations | % of baseline | training s | % of baseline | top-1 % | Δ top-1 (pp) | CO2 g | CO2 saved |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            md.AppendLine(Inv($"| {r.Method} | {r.Evaluations} | {r.EvaluationsPercent:F1} | {r.TrainSeconds:F1} | {r.TimePercent:F1} | {r.Top1 * 100:F2} | {r.Top1Delta:+0.00;-0.00;0.00} | {r.Co2Grams:F3} | {r.Co2SavedPercent:F1}% |"));
        var mdPath = Path.Combine(outDir, "summary.md");
        AtomicFile.WriteAllText(mdPath, md.ToString());
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"),
            JsonSerializer.Serialize(new { command, rows }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        return mdPath;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
