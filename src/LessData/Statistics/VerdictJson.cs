using System.Text.Json;

namespace LessData.Statistics;

/// <summary>
/// The machine-readable verdict fields that compare's and report's summary.json share, written in one place:
/// deltaTop1 (points), ci95 and bootstrapCi95 ([low, high], the unadjusted 95 % intervals), pPaired, verdict (adjusted
/// for the comparison's methods and looks, <see cref="VerdictRule"/>), verdictUnadjusted (the plain 95 % rule), boundary
/// (the look's trials, one-sided nominal level, critical t and the interval it gives), trialsFor80Power, and timeSaved
/// (percent of the baseline's training time, with its own ci95, bootstrapCi95 and pPaired). A baseline row has nulls.
/// </summary>
internal static class VerdictJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Adds the verdict fields to <paramref name="row"/>, after the fields it already has.</summary>
    public static Dictionary<string, object?> Add(Dictionary<string, object?> row, PairedDifference? delta, VerdictDecision? decision, PairedDifference? timeSaved)
    {
        row["deltaTop1"] = delta?.Mean;
        row["ci95"] = delta is null ? null : new[] { delta.Low, delta.High };
        row["bootstrapCi95"] = delta is null ? null : new[] { delta.BootLow, delta.BootHigh };
        row["pPaired"] = delta?.P;
        row["verdict"] = decision is { } v ? NonInferiority.Name(v.Verdict) : null;
        row["verdictUnadjusted"] = decision is { } u ? NonInferiority.Name(u.Unadjusted) : null;
        row["boundary"] = decision is { } b
            ? new { trials = b.Trials, nominalAlphaOneSided = b.NominalAlpha, criticalT = b.Critical, interval = new[] { b.Low, b.High } }
            : null;
        row["trialsFor80Power"] = decision?.TrialsFor80Power;
        row["timeSaved"] = timeSaved is { } s
            ? new { percent = s.Mean, ci95 = new[] { s.Low, s.High }, bootstrapCi95 = new[] { s.BootLow, s.BootHigh }, pPaired = s.P }
            : null;
        return row;
    }

    /// <summary>Appends <paramref name="more"/> to <paramref name="row"/> (insertion order is the JSON order).</summary>
    public static Dictionary<string, object?> With(this Dictionary<string, object?> row, Dictionary<string, object?> more)
    {
        foreach (var (k, v) in more) row[k] = v;
        return row;
    }
}
