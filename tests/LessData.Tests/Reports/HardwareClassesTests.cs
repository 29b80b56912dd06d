using LessData.Provenance;
using LessData.Reports;
using LessData.Runs;
using LessData.Store;
using LessData.Training;

namespace LessData.Tests.Reports;

public sealed class HardwareClassesTests
{
    private static SweepRun Run(string id, double seconds, string? hardware) =>
        new("paper-step", "cpu", "fashion-mnist", id, id == "Baseline" ? "full" : "step:0.5@0.5", 0, 1, RunStatus.Completed,
            new RunRecord(new TrainConfig(), new RunProvenance("x", new Dictionary<string, string>(), "m", "c"), [],
                new RunTotals(10, seconds, seconds, 0.5, 0.5, 0, 0, "model:65W")), null, hardware);

    [Fact]
    public void OneHardwareClass_AddsNothing()
    {
        var runs = new[] { Run("Baseline", 10, "cpu A × 2 threads"), Run("E5", 5, "cpu A × 2 threads") };

        HardwareClasses.Markdown(runs).Should().BeEmpty();
    }

    [Fact]
    public void TwoHardwareClasses_SaysSo_AndRatiosUseEachClassOwnBaseline()
    {
        // Given a fast and a slow machine, each with its own baseline and E5
        var runs = new[]
        {
            Run("Baseline", 10, "fast"), Run("E5", 5, "fast"),
            Run("Baseline", 40, "slow"), Run("E5", 30, "slow"),
        };

        // When the per-class rows are built
        var rows = HardwareClasses.Rows(runs);

        // Then each cell's ratio is to its own class's baseline, never across machines
        rows.Single(r => r.Hardware == "fast" && r.ExperimentId == "E5").RatioToBaseline.Should().BeApproximately(0.5, 1e-12);
        rows.Single(r => r.Hardware == "slow" && r.ExperimentId == "E5").RatioToBaseline.Should().BeApproximately(0.75, 1e-12);
        HardwareClasses.Markdown(runs).Should().Contain("2 hardware classes");
    }
}
