using System.Globalization;

namespace LessData.Reports;

/// <summary>
/// Non-inferiority with margin M on a paired difference Δ (method − baseline, points): maintains when the 95% CI's
/// lower bound is above −M, loses when its upper bound is below −M, otherwise inconclusive. "Not significantly different"
/// is not "maintains": a wide CI that reaches below −M stays inconclusive.
/// </summary>
public static class NonInferiority
{
    public const double DefaultMargin = 0.5;
    /// <summary>Trials-needed estimates above this are reported as "more than".</summary>
    public const int MaxTrialsEstimate = 1000;

    public static Verdict Decide(PairedDifference d, double margin)
    {
        if (double.IsNaN(d.Low) || double.IsNaN(d.High)) return Verdict.Inconclusive;
        if (d.Low > -margin) return Verdict.Maintains;
        if (d.High < -margin) return Verdict.Loses;
        return Verdict.Inconclusive;
    }

    /// <summary>
    /// For an inconclusive verdict: the smallest total number of trials n at which the 95% CI, with the observed paired
    /// SD and mean, would no longer cross −M: t(0.975, n − 1)·sd/√n &lt; |Δ + M|. Null when decided, when the mean sits on
    /// the margin, or with fewer than 2 trials (no SD yet); capped at <see cref="MaxTrialsEstimate"/>.
    /// </summary>
    public static int? TrialsNeeded(PairedDifference d, double margin)
    {
        if (Decide(d, margin) != Verdict.Inconclusive || d.Trials < 2 || double.IsNaN(d.Std)) return null;
        double distance = Math.Abs(d.Mean + margin);
        if (distance == 0) return MaxTrialsEstimate;
        for (int n = Math.Max(d.Trials + 1, 2); n <= MaxTrialsEstimate; n++)
            if (PairedDifference.HalfWidth(d.Std, n) < distance) return n;
        return MaxTrialsEstimate;
    }

    public static string Name(Verdict v) => v switch
    {
        Verdict.Maintains => "maintains",
        Verdict.Loses => "loses",
        _ => "inconclusive",
    };

    public static string Describe(Verdict v, double margin, int? trialsNeeded) => v switch
    {
        Verdict.Maintains => Inv($"maintains accuracy within {margin:0.###} points"),
        Verdict.Loses => Inv($"loses more than {margin:0.###} points of accuracy"),
        _ => trialsNeeded is { } n
            ? (n >= MaxTrialsEstimate ? Inv($"inconclusive at margin {margin:0.###} (more than {MaxTrialsEstimate} trials needed)") : Inv($"inconclusive at margin {margin:0.###} (about {n} trials needed)"))
            : Inv($"inconclusive at margin {margin:0.###} (needs at least 2 trials for a CI)"),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
