namespace LessData.Statistics;

/// <summary>
/// The mean of within-trial differences (method − baseline, one per trial sharing a seed) with its 95% confidence
/// interval from Student's t (n − 1 df), the paired t-test's two-sided p, and a percentile bootstrap interval over
/// trials as a cross-check. With one trial the interval and p are NaN; with zero spread the interval is the point.
/// </summary>
public sealed record PairedDifference(int Trials, double Mean, double Std, double Low, double High, double P, double BootLow, double BootHigh)
{
    internal const double Confidence = 0.95;

    /// <summary>Width of the t interval (High − Low).</summary>
    public double Width => High - Low;

    internal static PairedDifference Of(IReadOnlyList<double> differences, int bootstrapSeed = 1)
    {
        int n = differences.Count;
        double mean = SampleMoments.Mean(differences);
        if (n < 2) return new PairedDifference(n, mean, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double sd = SampleMoments.SampleStd(differences);
        double half = HalfWidth(sd, n);
        double p = sd == 0 ? (mean == 0 ? 1 : 0) : StudentTDistribution.TwoSidedP(mean / (sd / Math.Sqrt(n)), n - 1);
        var (bootLow, bootHigh) = Bootstrap.MeanInterval(differences, Confidence, bootstrapSeed);
        return new PairedDifference(n, mean, sd, mean - half, mean + half, p, bootLow, bootHigh);
    }

    /// <summary>Half-width of the 95% t interval of a mean of n values with sample SD sd: t(0.975, n − 1)·sd/√n.</summary>
    public static double HalfWidth(double sd, int n) =>
        n < 2 ? double.NaN : StudentTDistribution.Quantile(1 - (1 - Confidence) / 2, n - 1) * sd / Math.Sqrt(n);
}
