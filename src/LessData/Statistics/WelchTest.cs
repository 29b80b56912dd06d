using MathNet.Numerics.Distributions;

namespace LessData.Statistics;

/// <summary>Welch's unequal-variance t-test: t, Welch–Satterthwaite degrees of freedom, two-sided p-value.</summary>
internal sealed record WelchResult(double T, double DegreesOfFreedom, double P);

/// <summary>
/// For unpaired samples (different seeds or stores). Cells of one trial share data, weights and augmentation, so
/// within a trial use <see cref="PairedDifference"/> instead. The Student-t distribution is MathNet.Numerics'.
/// </summary>
internal static class WelchTest
{
    /// <summary>NaN p when either sample has fewer than two values or both variances are zero.</summary>
    public static WelchResult Compare(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count < 2 || b.Count < 2) return new WelchResult(double.NaN, double.NaN, double.NaN);
        double va = Math.Pow(SampleMoments.SampleStd(a), 2) / a.Count;
        double vb = Math.Pow(SampleMoments.SampleStd(b), 2) / b.Count;
        if (va + vb == 0) return new WelchResult(double.NaN, double.NaN, double.NaN);
        double t = (SampleMoments.Mean(a) - SampleMoments.Mean(b)) / Math.Sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));
        return new WelchResult(t, df, StudentTDistribution.TwoSidedP(t, df));
    }
}
