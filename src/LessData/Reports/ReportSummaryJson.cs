using System.Text.Json;

namespace LessData.Reports;

/// <summary>
/// report's summary.json: one object per cell with the same machine-readable fields as compare's (deltaTop1, ci95,
/// bootstrapCi95, pPaired, verdict, trialsNeeded, and timeSaved with its CI; see <see cref="VerdictJson"/>), plus
/// pHolm and Welch's p for reference.
/// </summary>
public static class ReportSummaryJson
{
    public static string Write(IReadOnlyList<ReportRow> rows) => JsonSerializer.Serialize(new
    {
        margin = rows.Count == 0 ? NonInferiority.DefaultMargin : rows[0].Margin,
        cells = rows.Select(r => VerdictJson.Add(new()
        {
            ["dataset"] = r.Dataset,
            ["profile"] = r.Profile,
            ["id"] = r.Id,
            ["spec"] = r.Spec,
            ["trials"] = r.Completed,
            ["evaluations"] = r.Evaluations,
            ["top1"] = r.Top1Mean,
            ["top1Std"] = r.Top1Std,
        }, r.Delta, r.Verdict, r.TrialsNeeded, r.TimeSaved).With(new()
        {
            ["pHolm"] = r.Delta is null ? null : r.PHolm,
            ["pWelch"] = r.Id == "Baseline" ? null : r.P,
            ["trainCo2SavedPercent"] = r.TrainCo2Saved,
            ["co2SavedPercent"] = r.Co2Saved,
        })),
    }, VerdictJson.Options);
}
