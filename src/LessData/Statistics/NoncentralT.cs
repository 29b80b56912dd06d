using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace LessData.Statistics;

/// <summary>
/// The noncentral t distribution's upper tail, for power: T' = (Z + δ)/√(V/ν) with Z standard normal and V ~ χ²(ν),
/// so P(T' &gt; c) = ∫ χ²ν(v) Φ(δ − c√(v/ν)) dv, integrated numerically (MathNet's double-exponential rule).
/// </summary>
internal static class NoncentralT
{
    /// <summary>P(T' &gt; c) for ν degrees of freedom and noncentrality δ.</summary>
    public static double UpperTail(double c, double df, double delta)
    {
        if (!(df > 0)) throw new ArgumentOutOfRangeException(nameof(df), "degrees of freedom must be positive");
        double spread = 12 * Math.Sqrt(2 * df);
        double from = Math.Max(0, df - spread), to = df + spread + 40;
        double p = Integrate.OnClosedInterval(v => ChiSquared.PDF(df, v) * Normal.CDF(0, 1, delta - c * Math.Sqrt(v / df)), from, to, 1e-10);
        return Math.Clamp(p, 0, 1);
    }
}
