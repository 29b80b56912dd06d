using System.Text.Json;

namespace LessData.Reports;

/// <summary>
/// report's summary.json: one object per cell with the same machine-readable fields as compare's (deltaTop1, ci95,
/// bootstrapCi95, pPaired, pHolm, verdict, trialsNeeded, and timeSaved with its CI), plus Welch's p for reference.
/// </summary>
public static class ReportSummaryJson
{
    public static string Write(IReadOnlyList<ReportRow> rows) => JsonSerializer.Serialize(new
    {
        margin = rows.Count == 0 ? NonInferiority.DefaultMargin : rows[0].Margin,
        cells = rows.Select(r => new
        {
            dataset = r.Dataset,
            profile = r.Profile,
            id = r.Id,
            spec = r.Spec,
            trials = r.Completed,
            evaluations = r.Evaluations,
            top1 = r.Top1Mean,
            top1Std = r.Top1Std,
            deltaTop1 = r.Delta?.Mean,
            ci95 = r.Delta is { } d ? new[] { d.Low, d.High } : null,
            bootstrapCi95 = r.Delta is { } b ? new[] { b.BootLow, b.BootHigh } : null,
            pPaired = r.Delta?.P,
            pHolm = r.Delta is null ? (double?)null : r.PHolm,
            pWelch = r.Id == "Baseline" ? (double?)null : r.P,
            verdict = r.Verdict is { } v ? NonInferiority.Name(v) : null,
            trialsNeeded = r.TrialsNeeded,
            timeSaved = r.TimeSaved is { } s ? new { percent = s.Mean, ci95 = new[] { s.Low, s.High }, pPaired = s.P } : null,
            trainCo2SavedPercent = r.TrainCo2Saved,
            co2SavedPercent = r.Co2Saved,
        }),
    }, s_json);

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
