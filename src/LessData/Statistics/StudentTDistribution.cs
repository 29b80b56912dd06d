using MathNet.Numerics.Distributions;

namespace LessData.Statistics;

/// <summary>The Student-t quantities the reports need, from MathNet.Numerics (no hand-written special functions).</summary>
internal static class StudentTDistribution
{
    /// <summary>The q-quantile of Student's t with df degrees of freedom (e.g. q = 0.975 for a two-sided 95% interval).</summary>
    public static double Quantile(double q, double df) => StudentT.InvCDF(0, 1, df, q);

    /// <summary>Two-sided p-value of a t statistic: 2·(1 − F(|t|)).</summary>
    public static double TwoSidedP(double t, double df) =>
        double.IsNaN(t) || double.IsNaN(df) ? double.NaN : Math.Min(1, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)));
}
