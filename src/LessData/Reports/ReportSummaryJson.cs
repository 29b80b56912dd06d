using System.Text.Json;
using LessData.Comparison;
using LessData.Statistics;

namespace LessData.Reports;

/// <summary>
/// report's summary.json: one object per cell with the same machine-readable fields as compare's (deltaTop1, ci95,
/// bootstrapCi95, pPaired, verdict (adjusted), verdictUnadjusted, boundary, trialsFor80Power, and timeSaved with its
/// CI; see <see cref="VerdictJson"/>), plus the configuration (its table's title), pHolm and Welch's p for reference.
/// Verdicts are adjusted across the cells of one configuration's table (Bonferroni).
/// </summary>
internal static class ReportSummaryJson
{
    public static string Write(IReadOnlyList<ReportRow> rows, FinalTop1Reading reading = FinalTop1Reading.FullData) => JsonSerializer.Serialize(new
    {
        finalTop1 = new { reading = FinalTop1.Name(reading), definition = FinalTop1.Describe(reading) },
        margin = rows.Count == 0 ? NonInferiority.DefaultMargin : rows[0].Margin,
        adjustment = "bonferroni across the cells of each configuration's table",
        cells = rows.Select(r => VerdictJson.Add(new()
        {
            ["dataset"] = r.Dataset,
            ["profile"] = r.Profile,
            ["configuration"] = r.Configuration,
            ["id"] = r.Id,
            ["spec"] = r.Spec,
            ["trials"] = r.Completed,
            ["evaluations"] = r.Evaluations,
            ["top1"] = r.Top1Mean,
            ["top1Std"] = r.Top1Std,
        }, r.Delta, r.Decision, r.TimeSaved).With(new()
        {
            ["pHolm"] = r.Delta is null ? null : r.PHolm,
            ["pWelch"] = r.Id == "Baseline" ? null : r.P,
            ["trainCo2SavedPercent"] = r.TrainCo2Saved,
            ["co2SavedPercent"] = r.Co2Saved,
        })),
    }, VerdictJson.Options);
}
