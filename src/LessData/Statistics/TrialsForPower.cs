namespace LessData.Statistics;

/// <summary>
/// A plan for an undecided (or any) method: the smallest number of trials n at which a fixed-n verdict at one-sided
/// level α would be reached with probability <see cref="Target"/> (80 %) if the true paired Δ and SD were the observed
/// ones. Power at n is the noncentral t's P(T' &gt; t(1 − α, n − 1)) with δ = |Δ + M|·√n/SD (<see cref="NoncentralT"/>):
/// a verdict of "maintains" when Δ &gt; −M, "loses" when Δ &lt; −M. The observed Δ and SD are themselves uncertain, so
/// this is a planning figure, not a promise.
/// </summary>
internal static class TrialsForPower
{
    public const double Target = 0.8;
    /// <summary>Plans above this are reported as "more than".</summary>
    public const int Max = 1000;

    /// <summary>The probability that a fixed-n test at one-sided level α with n trials decides, for a standardized distance |Δ + M|/SD.</summary>
    public static double Power(double standardizedDistance, int n, double alpha) =>
        n < 2 ? 0 : NoncentralT.UpperTail(StudentTDistribution.Quantile(1 - alpha, n - 1), n - 1, Math.Abs(standardizedDistance) * Math.Sqrt(n));

    /// <summary>Trials for 80 % power at the observed mean and SD of <paramref name="d"/>; null with fewer than 2 trials; capped at <see cref="Max"/>.</summary>
    public static int? For(PairedDifference d, double margin, double alpha)
    {
        if (d.Trials < 2 || double.IsNaN(d.Std) || double.IsNaN(d.Mean)) return null;
        double distance = Math.Abs(d.Mean + margin);
        if (distance == 0) return Max;
        if (d.Std == 0) return 2;
        double effect = distance / d.Std;
        if (Power(effect, Max, alpha) < Target) return Max;
        int low = 1, high = Max; // Power(low) < Target ≤ Power(high); power grows with n
        while (high - low > 1)
        {
            int mid = (low + high) / 2;
            if (Power(effect, mid, alpha) >= Target) high = mid; else low = mid;
        }
        return high;
    }
}
