using LessData.Runs;
using LessData.Training;

namespace LessData.Tests.Runs;

public sealed class RunTotalsBuilderTests
{
    [Fact]
    public void From_SumsEpochEnergy_TrainingApartFromTotal()
    {
        // Given two epochs whose training used 1 and 2 Wh of 1.5 and 3 Wh in all (evaluation is the rest)
        var epochs = new[]
        {
            new EpochRecord(1, 0.5, 50, 50, 1, 0.6, 1, 0.001, null, 0.001, 0.0015, 1.5),
            new EpochRecord(2, 1, 100, 150, 0.5, 0.7, 2, 0.001, 0.75, 0.002, 0.003, 2.5),
        };

        var t = RunTotalsBuilder.From(epochs, 10000, 400, "rapl");

        // Then total and training energy are reported apart, CO2 of each at 400 g/kWh
        t.EnergyKwh.Should().BeApproximately(0.0045, 1e-15);
        t.TrainEnergyKwh.Should().BeApproximately(0.003, 1e-15);
        t.Co2Grams.Should().BeApproximately(1.8, 1e-12);
        t.TrainCo2Grams.Should().BeApproximately(1.2, 1e-12);
        t.TrainSeconds.Should().Be(3);
        t.TotalSeconds.Should().Be(4);
        t.Top1.Should().Be(0.75, "the final window's full-split figure, not the curve's 0.7");
        t.LastEpochTop1.Should().Be(0.75);
        t.BestTop1.Should().Be(0.7);
        t.Top1StdErr.Should().BeApproximately(Math.Sqrt(0.75 * 0.25 / 10000), 1e-15);
    }

    [Fact]
    public void StandardError_At82PercentOn2000And10000Images_IsTheIssuesFigures()
    {
        (RunTotalsBuilder.StandardError(0.82, 2000) * 100).Should().BeApproximately(0.859, 0.001);
        (RunTotalsBuilder.StandardError(0.82, 10000) * 100).Should().BeApproximately(0.384, 0.001);
    }

    [Theory]
    [InlineData(3, 12, 3)]
    [InlineData(3, 3, 1)]
    [InlineData(3, 8, 2)]
    [InlineData(1, 300, 1)]
    [InlineData(5, 300, 5)]
    public void FinalEpochs_IsTheWindowCappedAtAQuarterOfTheRun(int window, int epochs, int expected)
    {
        new ExperimentConfig { FinalWindow = window, Epochs = epochs }.FinalEpochs.Should().Be(expected);
    }
}
