using System.Globalization;
using LessData.Statistics;

namespace LessData.Comparison;

/// <summary>
/// The one line a user reads first, e.g. "step:0.5@0.5 saves 24% (CI 22–26%) of training time and maintains accuracy
/// within 0.5 points (Δ −0.12, CI −0.41…+0.17)".
/// </summary>
public static class Headline
{
    /// <summary>The headline sentence of a method's row: the verdict, Δ top-1 with its CI, and the time saved.</summary>
    public static string For(ComparisonRow r)
    {
        if (r.Delta is not { } d || r.TimeSaved is not { } s || r.Decision is not { } decision) return $"{r.Method} is the baseline";
        var v = decision.Verdict;
        string time = double.IsNaN(s.Low)
            ? Inv($"saves {s.Mean:0}% of training time ({r.Trials} trial, no CI)")
            : Inv($"saves {s.Mean:0}% (CI {s.Low:0}–{s.High:0}%) of training time");
        string delta = double.IsNaN(decision.Low) ? Inv($"Δ {Signed(d.Mean)}, no CI with 1 trial")
            : Inv($"Δ {Signed(d.Mean)}, {Interval(decision)} {Signed(decision.Low)}…{Signed(decision.High)}")
              + (decision.Unadjusted != v ? $"; unadjusted 95% rule: {NonInferiority.Name(decision.Unadjusted)}" : "");
        return v switch
        {
            Verdict.Maintains => Inv($"{r.Method} {time} and maintains accuracy within {r.Margin:0.###} points ({delta})"),
            Verdict.Loses => Inv($"{r.Method} {time} and loses more than {r.Margin:0.###} points of accuracy ({delta})"),
            _ => Inv($"{r.Method} {time}; accuracy is inconclusive at a {r.Margin:0.###}-point margin ({delta}; {Needed(decision.TrialsFor80Power)})"),
        };
    }

    private static string Needed(int? n) => n is null
        ? "at least 2 trials are needed for a CI"
        : $"trials for 80% power: {NonInferiority.PowerTrialsText(n)}";

    /// <summary>"CI" for the plain 95 % interval (one method, one look), else "adjusted CI (one-sided α per side)".</summary>
    private static string Interval(VerdictDecision d) =>
        Math.Abs(d.NominalAlpha - VerdictRule.Alpha) < 1e-12 ? "CI" : Inv($"adjusted CI ({1 - 2 * d.NominalAlpha:0.##%})");

    /// <summary>A p-value as the reports print it.</summary>
    public static string P(double p) => Statistics.PValueText.Format(p);

    /// <summary>A difference in points with its sign and two decimals ("+0.12", "−0.40"); "n/a" for NaN.</summary>
    public static string Signed(double x) => double.IsNaN(x) ? "n/a" : x.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
