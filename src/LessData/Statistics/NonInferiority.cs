namespace LessData.Statistics;

/// <summary>
/// Non-inferiority with margin M on a paired difference Δ (method − baseline, points), the plain per-method rule:
/// maintains when the 95% CI's lower bound is above −M, loses when its upper bound is below −M, otherwise
/// inconclusive. "Not significantly different" is not "maintains": a wide CI that reaches below −M stays inconclusive.
/// This is the unadjusted verdict; <see cref="VerdictRule"/> gives the one adjusted for several methods and looks.
/// </summary>
public static class NonInferiority
{
    public const double DefaultMargin = 0.5;

    public static Verdict Decide(PairedDifference d, double margin)
    {
        if (double.IsNaN(d.Low) || double.IsNaN(d.High)) return Verdict.Inconclusive;
        if (d.Low > -margin) return Verdict.Maintains;
        if (d.High < -margin) return Verdict.Loses;
        return Verdict.Inconclusive;
    }

    public static string Name(Verdict v) => v switch
    {
        Verdict.Maintains => "maintains",
        Verdict.Loses => "loses",
        _ => "inconclusive",
    };

    /// <summary>"more than 1000" at the cap, else the number; empty when there is no plan.</summary>
    public static string Plan(int? trialsFor80Power) => trialsFor80Power switch
    {
        null => "",
        >= TrialsForPower.Max => $"more than {TrialsForPower.Max}",
        { } n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
