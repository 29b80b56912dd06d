using LessData.Experiments;
using LessData.Training;

namespace LessData.Tests.Experiments;

public sealed class ComparisonRowTests
{
    private static RunRecord Run(string schedule, long evaluations, double seconds, double top1, double co2) => new(
        new TrainConfig { Experiment = new() { Schedule = LessData.Selection.Schedules.Parse(schedule) } },
        new Provenance("test", new Dictionary<string, string>(), "test", "test"),
        [],
        new RunTotals(evaluations, seconds, seconds + 1, top1, top1, co2 / LessData.Energy.Carbon.WorldAverageGramsPerKwh, co2, "model:65W"));

    [Fact]
    public void Build_ExpressesEachMethodAgainstTheBaseline()
    {
        // Given a baseline and a method that used 60% of the images in 62% of the time
        var baseline = Run("full", 10_000, 100, 0.90, 20);
        var cut = Run("cut:5", 6_000, 62, 0.885, 12.4);

        // When compared
        var rows = ComparisonRow.Build(baseline, [cut]);

        // Then the baseline is 100% and the method's figures are relative to it
        rows.Should().HaveCount(2);
        rows[0].EvaluationsPercent.Should().Be(100);
        rows[0].Top1Delta.Should().Be(0);
        rows[1].Method.Should().Be("cut:5");
        rows[1].EvaluationsPercent.Should().BeApproximately(60, 1e-9);
        rows[1].TimePercent.Should().BeApproximately(62, 1e-9);
        rows[1].Top1Delta.Should().BeApproximately(-1.5, 1e-9);
        rows[1].Co2SavedPercent.Should().BeApproximately(38, 1e-9);
    }
}
