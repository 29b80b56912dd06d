using LessData.Statistics;

namespace LessData.Tests.Statistics;

public sealed class PairedStatisticsTests
{
    [Theory]
    // Published two-sided 95% critical values of Student's t (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2), 6+ digits
    [InlineData(0.975, 1, 12.706205)]
    [InlineData(0.975, 2, 4.302653)]
    [InlineData(0.975, 3, 3.182446)]
    [InlineData(0.975, 4, 2.776445)]
    [InlineData(0.975, 9, 2.262157)]
    [InlineData(0.975, 29, 2.045230)]
    [InlineData(0.95, 5, 2.015048)]
    [InlineData(0.995, 10, 3.169273)]
    public void StudentTQuantile_MatchesPublishedTables_To6Digits(double q, int df, double expected)
    {
        StudentTDistribution.Quantile(q, df).Should().BeApproximately(expected, 5e-7);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-3.2)]
    [InlineData(0.1)]
    public void TwoSidedP_AtTwoDf_MatchesTheClosedForm(double t)
    {
        // For 2 degrees of freedom the t CDF is closed-form: p = 1 − |t|/√(2 + t²)
        StudentTDistribution.TwoSidedP(t, 2).Should().BeApproximately(1 - Math.Abs(t) / Math.Sqrt(2 + t * t), 1e-12);
    }

    [Fact]
    public void Paired_ThreeTrials_GivesMeanTIntervalAndPairedP()
    {
        // Given three within-trial differences
        double[] d = [-0.4, 0.1, -0.3];
        double mean = -0.2, sd = Math.Sqrt(((0.2 * 0.2) + (0.3 * 0.3) + (0.1 * 0.1)) / 2);

        var r = PairedDifference.Of(d);

        // Then the CI is mean ± t(0.975, 2)·sd/√3 and p is the one-sample t-test's at 2 df
        r.Trials.Should().Be(3);
        r.Mean.Should().BeApproximately(mean, 1e-12);
        r.Std.Should().BeApproximately(sd, 1e-12);
        r.Low.Should().BeApproximately(mean - 4.302653 * sd / Math.Sqrt(3), 1e-6);
        r.High.Should().BeApproximately(mean + 4.302653 * sd / Math.Sqrt(3), 1e-6);
        double t = mean / (sd / Math.Sqrt(3));
        r.P.Should().BeApproximately(1 - Math.Abs(t) / Math.Sqrt(2 + t * t), 1e-12);
        r.Low.Should().BeLessThanOrEqualTo(r.Mean);
        r.High.Should().BeGreaterThanOrEqualTo(r.Mean);
    }

    [Fact]
    public void Paired_Bootstrap_IsDeterministic_WithinTheDataRange_AndNarrowerThanT()
    {
        double[] d = [-0.4, 0.1, -0.3, 0.2, -0.1];

        var a = PairedDifference.Of(d);
        var b = PairedDifference.Of(d);

        (a.BootLow, a.BootHigh).Should().Be((b.BootLow, b.BootHigh));
        a.BootLow.Should().BeGreaterThanOrEqualTo(d.Min()).And.BeLessThan(a.Mean);
        a.BootHigh.Should().BeLessThanOrEqualTo(d.Max()).And.BeGreaterThan(a.Mean);
        (a.BootHigh - a.BootLow).Should().BeLessThan(a.Width, "with 5 trials the percentile bootstrap cannot see the t tails");
    }

    [Fact]
    public void Paired_OneTrial_HasNoInterval()
    {
        var r = PairedDifference.Of([0.3]);

        r.Mean.Should().Be(0.3);
        double.IsNaN(r.Low).Should().BeTrue();
        double.IsNaN(r.P).Should().BeTrue();
    }

    [Fact]
    public void Holm_StepDown_MatchesHandComputation_AndSkipsNaN()
    {
        Holm.Adjust([0.01, 0.04, 0.03, 0.005]).Should().Equal([0.03, 0.06, 0.06, 0.02], (x, y) => Math.Abs(x - y) < 1e-12);
        var withNaN = Holm.Adjust([double.NaN, 0.02, 0.5]);
        double.IsNaN(withNaN[0]).Should().BeTrue();
        withNaN[1].Should().BeApproximately(0.04, 1e-12);
        withNaN[2].Should().BeApproximately(0.5, 1e-12);
        Holm.Adjust([0.6, 0.7]).Should().Equal([1.0, 1.0], (x, y) => Math.Abs(x - y) < 1e-12);
    }

    private static PairedDifference Ci(double mean, double low, double high, double sd = 1, int trials = 3) =>
        new(trials, mean, sd, low, high, 0.5, low, high);

    [Theory]
    [InlineData(-0.1, -0.3, 0.1, Verdict.Maintains)]
    [InlineData(-1.0, -1.4, -0.6, Verdict.Loses)]
    [InlineData(-0.1, -0.8, 0.6, Verdict.Inconclusive)]
    [InlineData(0.0, -0.5, 0.5, Verdict.Inconclusive)]
    public void NonInferiority_ComparesTheIntervalWithMinusTheMargin(double mean, double low, double high, Verdict expected)
    {
        NonInferiority.Decide(Ci(mean, low, high), 0.5).Should().Be(expected);
    }

    [Fact]
    public void NonInferiority_NotSignificant_IsNeverMaintains()
    {
        // Given a difference that is far from significant (CI spans 0) but whose CI reaches below −margin
        var d = PairedDifference.Of([1.0, -1.5, 0.4]);
        d.P.Should().BeGreaterThan(0.05);

        NonInferiority.Decide(d, 0.5).Should().Be(Verdict.Inconclusive);
    }
}
