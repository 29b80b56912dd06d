namespace LessData.Tests.Statistics;

/// <summary>
/// Reference figures from SciPy 1.10.1 (Debian python3-scipy), scipy.stats.ttest_ind(a, b, equal_var=False),
/// df from the Welch–Satterthwaite formula with numpy.var(ddof=1). Copied here so the test needs no Python.
/// </summary>
internal static class WelchReference
{
    public const double T = -2.455356398286006;
    public const double Df = 24.988529290231416;
    public const double P = 0.021378001462866985;
    public const double SmallP = 0.015649404132167456;

    /// <summary>ttest_ind([89.9, 90.1, 90.6], [91.2, 90.8, 91.5], equal_var=False): the report fixture's E2 vs Baseline.</summary>
    public const double FixtureE2P = 0.02923050167196693;
}
