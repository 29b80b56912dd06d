using LessData.Comparison;
using LessData.Provenance;
using LessData.Runs;
using LessData.Statistics;
using LessData.Training;

namespace LessData.Tests.Comparison;

public sealed class ComparisonRowTests
{
    private static RunRecord Run(string schedule, long evaluations, double seconds, double top1, double co2, string selector = "random", int seed = 1) => new(
        new TrainConfig { Experiment = new() { Schedule = LessData.Selection.Schedules.Parse(schedule), Selector = LessData.Selection.Selectors.Parse(selector), Seed = seed } },
        new RunProvenance("test", new Dictionary<string, string>(), "test", "test"),
        [],
        new RunTotals(evaluations, seconds, seconds + 1, top1, top1, co2 / 475, co2, "model:65W", co2 / 475 * 0.8, co2 * 0.8, 0.003, 10000, 1, top1));

    [Fact]
    public void Build_PairsTrials_DeltaAndTimeSavedWithIntervals()
    {
        // Given three trials of a baseline and of cut:5 (which used 60% of the images)
        var baseline = new Dictionary<int, RunRecord> { [0] = Run("full", 10_000, 100, 0.90, 20), [1] = Run("full", 10_000, 110, 0.88, 22), [2] = Run("full", 10_000, 90, 0.91, 18) };
        var cut = new Dictionary<int, RunRecord> { [0] = Run("cut:5", 6_000, 62, 0.895, 12.4), [1] = Run("cut:5", 6_000, 66, 0.877, 13.2), [2] = Run("cut:5", 6_000, 57, 0.901, 11.4) };

        // When compared with margin 1 point
        var rows = ComparisonRow.Build(baseline, [cut], 1.0);

        // Then Δ and time saved are the means of the per-trial differences, each with a CI around it
        rows.Should().HaveCount(2);
        rows[0].IsBaseline.Should().BeTrue();
        rows[0].EvaluationsPercent.Should().Be(100);
        var r = rows[1];
        r.Method.Should().Be("cut:5");
        r.Trials.Should().Be(3);
        r.EvaluationsPercent.Should().BeApproximately(60, 1e-9);
        r.Delta!.Mean.Should().BeApproximately(((0.895 - 0.90) + (0.877 - 0.88) + (0.901 - 0.91)) / 3 * 100, 1e-9);
        r.TimeSaved!.Mean.Should().BeApproximately((38 + (1 - 66.0 / 110) * 100 + (1 - 57.0 / 90) * 100) / 3, 1e-9);
        r.Delta.Low.Should().BeLessThanOrEqualTo(r.Delta.Mean);
        r.Delta.High.Should().BeGreaterThanOrEqualTo(r.Delta.Mean);
        r.Verdict.Should().Be(NonInferiority.Decide(r.Delta, 1.0));
        Headline.For(r).Should().StartWith("cut:5 saves 38% (CI ").And.Contain("of training time");
    }

    [Fact]
    public void Build_UnmatchedTrials_AreLeftOut()
    {
        var baseline = new Dictionary<int, RunRecord> { [0] = Run("full", 100, 10, 0.9, 1), [1] = Run("full", 100, 10, 0.8, 1) };
        var method = new Dictionary<int, RunRecord> { [1] = Run("step:0.5@0.5", 75, 8, 0.79, 1), [2] = Run("step:0.5@0.5", 75, 8, 0.5, 1) };

        var rows = ComparisonRow.Build(baseline, [method], 0.5);

        rows[1].Delta!.Trials.Should().Be(1);
        rows[1].Delta!.Mean.Should().BeApproximately(-1, 1e-9);
    }

    [Theory]
    [InlineData("step:0.5@0.5", "random", "hvc-small", "hvc-small", "step:0.5@0.5")]
    [InlineData("step:0.5@0.5", "loss:hard=0.5", "hvc-small", "hvc-small", "step:0.5@0.5 + loss:hard=0.5")]
    [InlineData("full", "random", "hvc-small:bf16", "hvc-small", "full @ hvc-small:bf16")]
    public void Label_NamesScheduleSelectorAndModelWhenItDiffers(string schedule, string selector, string model, string baselineModel, string expected)
    {
        ComparisonRow.Label(schedule, selector, model, baselineModel).Should().Be(expected);
    }

    [Fact]
    public void Plan_WithALossSelector_KeepsAFullRandomBaseline_AndSharesSeedsPerTrial()
    {
        // Given compare --selector loss (which the methods take) and two trials
        var methodConfig = new TrainConfig { Experiment = new() { Schedule = LessData.Selection.Schedules.Parse("step:0.5@0.5"), Selector = LessData.Selection.Selectors.Parse("loss:hard=0.5"), Seed = 7 } };
        var plan = new ComparisonPlan(methodConfig with { Experiment = methodConfig.Experiment with { Schedule = LessData.Selection.Schedules.Full(), Selector = LessData.Selection.Selectors.Random() } }, [methodConfig]);

        var runs = plan.Expand(2);

        // Then the baseline is full + random, every row names its selector, and each trial's cells share one seed
        runs.Where(r => r.ExperimentId == "Baseline").Should().OnlyContain(r => r.Config.Experiment.Schedule.Spec == "full" && r.Config.Experiment.Selector.Spec == "random");
        runs.Where(r => r.ExperimentId == "M1").Should().OnlyContain(r => r.Spec == "step:0.5@0.5 + loss:hard=0.5");
        runs.GroupBy(r => r.Trial).Should().OnlyContain(g => g.Select(r => r.Seed).Distinct().Count() == 1);
        runs.Select(r => r.Seed).Distinct().Should().Equal(7, 8);
        runs.Select(r => r.Key).Should().OnlyHaveUniqueItems();
    }
}
