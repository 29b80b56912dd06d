using LessData.Reports;
using LessData.Statistics;

namespace LessData.Tests.Statistics;

public sealed class StatisticsTests
{
    // Reference values computed with SciPy 1.10 (Debian python3-scipy):
    //   scipy.stats.ttest_ind(a, b, equal_var=False)
    private static readonly double[] s_a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    private static readonly double[] s_b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

    [Fact]
    public void Welch_MatchesScipy()
    {
        var r = WelchTest.Compare(s_a, s_b);

        r.T.Should().BeApproximately(WelchReference.T, 1e-9);
        r.DegreesOfFreedom.Should().BeApproximately(WelchReference.Df, 1e-9);
        r.P.Should().BeApproximately(WelchReference.P, 1e-9);
    }

    [Fact]
    public void Welch_SmallUnequalSamples_MatchesScipy()
    {
        var r = WelchTest.Compare([91.2, 90.8, 91.5], [89.9, 90.1, 90.6, 90.0]);

        r.P.Should().BeApproximately(WelchReference.SmallP, 1e-9);
    }

    [Fact]
    public void Welch_TooFewOrConstant_IsUndefined()
    {
        double.IsNaN(WelchTest.Compare([1.0], [1.0, 2.0]).P).Should().BeTrue();
        double.IsNaN(WelchTest.Compare([1.0, 1.0], [1.0, 1.0]).P).Should().BeTrue();
    }

    [Fact]
    public void SampleStd_UsesNMinusOne()
    {
        SampleMoments.SampleStd([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).Should().BeApproximately(Math.Sqrt(32.0 / 7), 1e-12);
    }

    [Fact]
    public void ParetoFront_KeepsTheUndominatedPoints()
    {
        // (time, accuracy): B is dominated by A (slower and less accurate)
        var front = ParetoFront.Indices([(10, 90), (12, 89), (5, 85), (20, 91), (20, 90)]);

        front.Should().BeEquivalentTo([0, 2, 3]);
    }

    [Fact]
    public void LinearFit_ExactLine_HasRSquaredOne()
    {
        var fit = LinearFit.Of([1, 2, 3, 4], [3, 5, 7, 9]);

        fit.Slope.Should().BeApproximately(2, 1e-12);
        fit.Intercept.Should().BeApproximately(1, 1e-12);
        fit.RSquared.Should().BeApproximately(1, 1e-12);
        LinearFit.Of([1, 2, 3], [1, 3, 2]).RSquared.Should().BeApproximately(0.25, 1e-12);
    }
}
