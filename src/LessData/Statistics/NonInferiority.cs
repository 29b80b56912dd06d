namespace LessData.Statistics;

/// <summary>
/// Non-inferiority with margin M on a paired difference Δ (method − baseline, points), the plain per-method rule:
/// maintains when the 95% CI's lower bound is above −M, loses when its upper bound is below −M, otherwise
/// inconclusive. "Not significantly different" is not "maintains": a wide CI that reaches below −M stays inconclusive.
/// This is the unadjusted verdict; <see cref="VerdictRule"/> gives the one adjusted for several methods and looks.
/// </summary>
public static class NonInferiority
{
    /// <summary>The default non-inferiority margin M, in points of top-1.</summary>
    public const double DefaultMargin = 0.5;

    internal static Verdict Decide(PairedDifference d, double margin)
    {
        if (double.IsNaN(d.Low) || double.IsNaN(d.High)) return Verdict.Inconclusive;
        if (d.Low > -margin) return Verdict.Maintains;
        if (d.High < -margin) return Verdict.Loses;
        return Verdict.Inconclusive;
    }

    /// <summary>The verdict in words, as tables and summaries print it.</summary>
    public static string Name(Verdict v) => v switch
    {
        Verdict.Maintains => "maintains",
        Verdict.Loses => "loses",
        _ => "inconclusive",
    };

    /// <summary>Trials for 80 % power in words: "more than 1000" at the cap, else the number; empty when there is no figure.</summary>
    public static string PowerTrialsText(int? trialsFor80Power) => trialsFor80Power switch
    {
        null => "",
        >= TrialsForPower.Max => $"more than {TrialsForPower.Max}",
        { } n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
