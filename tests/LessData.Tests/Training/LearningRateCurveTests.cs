using LessData.Training;

namespace LessData.Tests.Training;

public sealed class LearningRateCurveTests
{
    private static LearningRateCurve Curve(string schedule, double warmup = 0, string clock = "epochs", int epochs = 10) =>
        new(LrScheduleKind.Parse(schedule), LrClockKind.Parse(clock), 0.1, 0.9, 1e-7, warmup, epochs);

    [Fact]
    public void Paper_EqualsTheBaseModelsPerEpochDecay_ConstantWithinAnEpoch()
    {
        var curve = Curve("paper");

        for (int e = 0; e < 10; e++)
        {
            curve.At(e).Should().BeApproximately(LearningRateSchedule.At(e, 0.1, 0.9, 1e-7), 1e-15);
            curve.At(e + 0.99).Should().BeApproximately(curve.At(e), 1e-15);
        }
    }

    [Fact]
    public void Cosine_StartsAtPeak_HalfAtMiddle_ZeroAtEnd()
    {
        var curve = Curve("cosine");

        curve.At(0).Should().BeApproximately(0.1, 1e-12);
        curve.At(5).Should().BeApproximately(0.05, 1e-12);
        curve.At(10).Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void Linear_FallsInAStraightLineToZeroAtTheEnd()
    {
        var plan = Curve("linear");

        plan.At(0).Should().BeApproximately(0.1, 1e-12);
        plan.At(2.5).Should().BeApproximately(0.075, 1e-12);
        plan.At(10).Should().BeApproximately(0, 1e-12);
        plan.At(12).Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void Exponential_IsThePaperDecayCountedContinuously_EqualAtWholeEpochs()
    {
        var exponential = Curve("exponential");
        var paper = Curve("paper");

        for (int e = 0; e <= 10; e++) exponential.At(e).Should().BeApproximately(paper.At(e), 1e-15);
        exponential.At(2.5).Should().BeApproximately(0.1 * Math.Pow(0.9, 2.5), 1e-15);
        exponential.At(2.5).Should().BeLessThan(paper.At(2.5));
    }

    [Theory]
    [InlineData("exponential")]
    [InlineData("linear")]
    [InlineData("cosine")]
    public void ImagesClock_ReachesTheSchedulesEnd_AtTheRunsOwnLastImage(string schedule)
    {
        // Given a 10-epoch step:0.25@0.5 run on 1000 images (6250 images in all) on the images clock
        var stage = LessData.Selection.SelectionStage.Create("step:0.25@0.5", "random", 1000, 10, 1);
        for (int e = 0; e < 9; e++) stage.Plan(e);
        var last = stage.Plan(9);
        var images = Curve(schedule, clock: "images");

        // When the last image of the last epoch is done
        double p = images.Progress(stage, last, last.Count);

        // Then the schedule is at its end, as the full run's is after its 10 epochs
        p.Should().BeApproximately(10, 1e-9);
        images.At(p).Should().BeApproximately(Curve(schedule).At(10), 1e-12);
    }

    [Fact]
    public void Warmup_IsLinearFromZero_ThenTheSchedule()
    {
        var curve = Curve("cosine", warmup: 2);

        curve.At(0).Should().Be(0);
        curve.At(1).Should().BeApproximately(0.05, 1e-12);
        curve.At(2).Should().BeApproximately(0.1, 1e-12);
        curve.At(6).Should().BeApproximately(0.05, 1e-12);
    }

    [Fact]
    public void OneCycle_PeaksAtThirtyPercent_StartsAndEndsLow()
    {
        var curve = Curve("onecycle");

        curve.At(0).Should().BeApproximately(0.1 / 25, 1e-12);
        curve.At(3).Should().BeApproximately(0.1, 1e-12);
        curve.At(10).Should().BeApproximately(0.1 / 25 / 1e4, 1e-12);
    }

    [Fact]
    public void Clocks_EpochsCountsEpochs_ImagesCountsTheRunsOwnImages()
    {
        // Given epoch 1 of a 10-epoch step:0.25@0.5 run on 1000 images (epochs 0-4: 250 images, 5-9: 1000; 6250 in all)
        var stage = LessData.Selection.SelectionStage.Create("step:0.25@0.5", "random", 1000, 10, 1);
        stage.Plan(0);
        var plan = stage.Plan(1);
        var epochs = Curve("cosine");
        var images = Curve("cosine", clock: "images");

        // When 125 images of this epoch are done
        double pEpochs = epochs.Progress(stage, plan, 125);
        double pImages = images.Progress(stage, plan, 125);

        // Then the epoch clock is half-way through epoch 1; the images clock at 10 · 375 / 6250 epochs
        pEpochs.Should().BeApproximately(1.5, 1e-12);
        pImages.Should().BeApproximately(10 * 375.0 / 6250, 1e-12);
    }

    [Theory]
    [InlineData("step-decay", "epochs", 0, LrScheduleKind.Setting)]
    [InlineData("cosine", "steps", 0, LrClockKind.Setting)]
    [InlineData("cosine", "epochs", 10, "warmup")]
    public void Validated_RejectsUnknownNamesAndWarmupBeyondTheRun(string schedule, string clock, double warmup, string parameter)
    {
        var act = () => new LearningRateCurve(LrScheduleKind.Parse(schedule), LrClockKind.Parse(clock), 0.1, 0.9, 0, warmup, 10).Validated();

        act.Should().Throw<UserError>().Which.Parameter.Should().Be(parameter);
    }
}
