using LessData.Selection;

namespace LessData.Tests.Selection;

public sealed class SelectionStageTests
{
    private static readonly int[] s_labels = [.. Enumerable.Range(0, 200).Select(i => i % 4)];

    [Theory]
    [InlineData("full", "random")]
    [InlineData("step:0.5@0.5", "random")]
    [InlineData("increment:0.25", "random")]
    [InlineData("cut:5", "random")]
    [InlineData("step:0.5@0.5", "loss:hard=0.5,unbiased")]
    [InlineData("full", "infobatch:r=0.5,delta=0.875,target=0.8")]
    public void Plan_CountedEvaluations_EqualThePrediction(string schedule, string selector)
    {
        // Given a stage for 200 images and 8 epochs
        var stage = SelectionStage.Create(schedule, selector, trainSize: 200, epochs: 8, seed: 3, labels: s_labels);
        var losses = new SeededLosses(7);

        // When every epoch is planned and its losses are handed back
        for (int e = 0; e < 8; e++)
        {
            var plan = stage.Plan(e);
            plan.Indices.Should().OnlyHaveUniqueItems();
            stage.Observe(plan, losses.For(plan.Indices));
        }

        // Then the stage counted exactly what the method's formula predicts
        stage.CountedEvaluations.Should().Be(stage.PredictedEvaluations!.Value);
    }

    [Fact]
    public void Plan_ScoreSelectorWithoutObservedLosses_RefusesTheNextEpoch()
    {
        var stage = SelectionStage.Create("step:0.5@0.5", "loss", 100, 4, 1);
        stage.Plan(0);

        var act = () => stage.Plan(1);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Observe*");
    }

    [Fact]
    public void Plan_RandomSelector_NeedsNoLosses()
    {
        var stage = SelectionStage.Create("increment:0.25", "random", 100, 4, 1);

        var sizes = Enumerable.Range(0, 4).Select(e => stage.Plan(e).Count).ToArray();

        sizes.Should().Equal(Enumerable.Range(0, 4).Select(e => Schedules.Increment(0.25).ImagesAt(e, 4, 100)));
    }

    [Theory]
    [InlineData("step:0.5@0.5", "infobatch", 10, "selector")]
    [InlineData("full", "infobatch:target=0.2", 4, "targetFraction")]
    [InlineData("full", "random", 0, "epochs")]
    [InlineData("step:2@0.5", "random", 4, "schedule")]
    [InlineData("full", "loss:hard=3", 4, "selector")]
    public void Create_ImpossibleSettings_FailAtCreationNamingTheParameter(string schedule, string selector, int epochs, string parameter)
    {
        var act = () => SelectionStage.Create(schedule, selector, 100, epochs, 1);

        var error = act.Should().Throw<SelectionException>().Which;
        error.Parameter.Should().Be(parameter);
        error.Message.Should().NotContain("--", "library messages speak of parameters, not of CLI flags");
    }

    [Fact]
    public void SaveLoad_MidRun_ResumesWithTheSamePlansAndCounts()
    {
        // Given a loss-selector run, saved after epoch 2
        var losses = new SeededLosses(11);
        var a = SelectionStage.Create("increment:0.25", "loss:hard=0.5,unbiased", 120, 6, 9, s_labels[..120]);
        for (int e = 0; e < 3; e++) { var p = a.Plan(e); a.Observe(p, losses.For(p.Indices)); }
        using var saved = new MemoryStream();
        a.Save(saved);
        saved.Position = 0;
        var b = SelectionStage.Load(saved);

        // When both continue with the same losses
        for (int e = 3; e < 6; e++)
        {
            var pa = a.Plan(e);
            var pb = b.Plan(e);

            // Then every later epoch plans the same indices and weights
            pb.Indices.Should().Equal(pa.Indices);
            pb.Weights.Should().Equal(pa.Weights);
            var l = losses.For(pa.Indices);
            a.Observe(pa, l);
            b.Observe(pb, l);
        }
        b.CountedEvaluations.Should().Be(a.CountedEvaluations);
    }

    [Fact]
    public void Load_NotAStage_IsASelectionException()
    {
        using var junk = new MemoryStream("{\"hello\": 1}"u8.ToArray());

        var act = () => SelectionStage.Load(junk);

        act.Should().Throw<SelectionException>().Which.Parameter.Should().Be("state");
    }

    [Fact]
    public void Observe_NaN_CountsAsUnseen_AndRanksHardest()
    {
        var stage = SelectionStage.Create("step:0.1@0.5", "loss:hard=1", 50, 4, 2);
        var p0 = stage.Plan(0);
        var all = Enumerable.Range(0, 50).ToArray();
        var losses = all.Select(i => i == 7 ? float.NaN : 0.1f).ToArray();
        stage.Observe(all, losses);

        var p1 = stage.Plan(1);

        p0.Count.Should().Be(5);
        p1.Indices.Should().Contain(7);
    }

    [Fact]
    public void Progress_TwoClocks_AgreeOnFullData_AndDifferOnShortEpochs()
    {
        var full = SelectionStage.Create("full", "random", 100, 4, 1);
        var step = SelectionStage.Create("step:0.25@0.5", "random", 100, 4, 1);
        var fullPlans = Enumerable.Range(0, 4).Select(full.Plan).ToArray();
        var stepPlans = Enumerable.Range(0, 4).Select(step.Plan).ToArray();

        // Full data: epoch 2 half done is 62.5 % on both clocks
        full.Progress(fullPlans[2], 50, LearningRateClock.Epoch).Should().BeApproximately(0.625, 1e-12);
        full.Progress(fullPlans[2], 50, LearningRateClock.ImagesSeen).Should().BeApproximately(0.625, 1e-12);

        // Step 0.25@0.5 (25, 25, 100, 100 images; 250 in all): after epoch 1 the epoch clock says 50 %, images seen 20 %
        step.Progress(stepPlans[1], 25, LearningRateClock.Epoch).Should().BeApproximately(0.5, 1e-12);
        step.Progress(stepPlans[1], 25, LearningRateClock.ImagesSeen).Should().BeApproximately(50.0 / 250, 1e-12);
        step.Progress(stepPlans[3], 100, LearningRateClock.ImagesSeen).Should().BeApproximately(1, 1e-12);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("step:0.25@0.5")]
    [InlineData("step:E3")]
    [InlineData("increment:0.25")]
    [InlineData("cut:9")]
    public void ScheduleSpec_PrintsBackToACanonicalSpecThatParsesToTheSame(string spec)
    {
        var schedule = Schedules.Parse(spec);

        var again = Schedules.Parse(schedule.Spec);

        again.Spec.Should().Be(schedule.Spec);
        Enumerable.Range(0, 12).Select(e => again.ImagesAt(e, 12, 1000)).Should().Equal(Enumerable.Range(0, 12).Select(e => schedule.ImagesAt(e, 12, 1000)));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("loss:hard=0.25,unbiased")]
    [InlineData("infobatch:r=0.3,delta=0.9,target=0.8")]
    [InlineData("rs2")]
    [InlineData("seta:prune=0.3,k=10,window=0.5,delta=0.9,target=0.6,fullanneal")]
    public void SelectorSpec_RoundTrips(string spec)
    {
        Selectors.Parse(Selectors.Parse(spec).Spec).Spec.Should().Be(spec);
    }

    private sealed class SeededLosses(int seed)
    {
        public float[] For(IReadOnlyList<int> indices) => [.. indices.Select(i => (float)((i * 2654435761u + (uint)seed) % 1000) / 100f)];
    }
}
