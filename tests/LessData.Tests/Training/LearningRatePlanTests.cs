using LessData.Training;

namespace LessData.Tests.Training;

public sealed class LearningRatePlanTests
{
    private static LearningRatePlan Plan(string schedule, double warmup = 0, string clock = "epochs", int epochs = 10) =>
        new(LrScheduleKind.Parse(schedule), LrClockKind.Parse(clock), 0.1, 0.9, 1e-7, warmup, epochs);

    [Fact]
    public void Paper_EqualsTheBaseModelsPerEpochDecay_ConstantWithinAnEpoch()
    {
        var plan = Plan("paper");

        for (int e = 0; e < 10; e++)
        {
            plan.At(e).Should().BeApproximately(LearningRateSchedule.At(e, 0.1, 0.9, 1e-7), 1e-15);
            plan.At(e + 0.99).Should().BeApproximately(plan.At(e), 1e-15);
        }
    }

    [Fact]
    public void Cosine_StartsAtPeak_HalfAtMiddle_ZeroAtEnd()
    {
        var plan = Plan("cosine");

        plan.At(0).Should().BeApproximately(0.1, 1e-12);
        plan.At(5).Should().BeApproximately(0.05, 1e-12);
        plan.At(10).Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void Warmup_IsLinearFromZero_ThenTheSchedule()
    {
        var plan = Plan("cosine", warmup: 2);

        plan.At(0).Should().Be(0);
        plan.At(1).Should().BeApproximately(0.05, 1e-12);
        plan.At(2).Should().BeApproximately(0.1, 1e-12);
        plan.At(6).Should().BeApproximately(0.05, 1e-12);
    }

    [Fact]
    public void OneCycle_PeaksAtThirtyPercent_StartsAndEndsLow()
    {
        var plan = Plan("onecycle");

        plan.At(0).Should().BeApproximately(0.1 / 25, 1e-12);
        plan.At(3).Should().BeApproximately(0.1, 1e-12);
        plan.At(10).Should().BeApproximately(0.1 / 25 / 1e4, 1e-12);
    }

    [Fact]
    public void Clocks_EpochsCountsEpochs_ImagesCountsTheRunsOwnImages()
    {
        // Given epoch 1 of a 10-epoch step:0.25@0.5 run on 1000 images (epochs 0-4: 250 images, 5-9: 1000; 6250 in all)
        var stage = LessData.Selection.SelectionStage.Create("step:0.25@0.5", "random", 1000, 10, 1);
        stage.Plan(0);
        var plan = stage.Plan(1);
        var epochs = Plan("cosine");
        var images = Plan("cosine", clock: "images");

        // When 125 images of this epoch are done
        double pEpochs = epochs.Progress(stage, plan, 125);
        double pImages = images.Progress(stage, plan, 125);

        // Then the epoch clock is half-way through epoch 1; the images clock at 10 · 375 / 6250 epochs
        pEpochs.Should().BeApproximately(1.5, 1e-12);
        pImages.Should().BeApproximately(10 * 375.0 / 6250, 1e-12);
    }

    [Theory]
    [InlineData("linear", "epochs", 0, LrScheduleKind.Setting)]
    [InlineData("cosine", "steps", 0, LrClockKind.Setting)]
    [InlineData("cosine", "epochs", 10, "warmup")]
    public void Validated_RejectsUnknownNamesAndWarmupBeyondTheRun(string schedule, string clock, double warmup, string parameter)
    {
        var act = () => new LearningRatePlan(LrScheduleKind.Parse(schedule), LrClockKind.Parse(clock), 0.1, 0.9, 0, warmup, 10).Validated();

        act.Should().Throw<UserError>().Which.Parameter.Should().Be(parameter);
    }
}
