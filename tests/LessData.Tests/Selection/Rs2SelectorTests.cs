using LessData.Selection;

namespace LessData.Tests.Selection;

public sealed class Rs2SelectorTests
{
    private static readonly int[] s_labels = [.. Enumerable.Range(0, 100).Select(i => i < 60 ? 0 : 1)];

    /// <summary>Each epoch's indices, planned in order by a stage.</summary>
    private static int[][] Run(string schedule, int n, int epochs, int seed, bool stratify = false)
    {
        var stage = SelectionStage.Create(schedule, "rs2", n, epochs, seed, stratify ? s_labels[..n] : null, stratify: stratify);
        return [.. Enumerable.Range(0, epochs).Select(e => stage.Plan(e).Indices.ToArray())];
    }

    [Theory]
    [InlineData("step:0.3@1", 10)]     // 30 a round: passes end mid-epoch (the 4th epoch straddles two passes)
    [InlineData("increment:0.25", 8)]  // growing budgets 25..100
    [InlineData("step:0.25@0.5", 8)]   // 25 for 4 epochs (one pass exactly), then all
    [InlineData("full", 3)]
    public void NoImageRepeats_UntilAllWereSeen(string schedule, int epochs)
    {
        // Given a stage over 100 images
        var plans = Run(schedule, 100, epochs, seed: 3);

        // Then every epoch is its budget, without repeats, and the images in the order trained split into whole passes:
        // each block of 100 consecutive images holds every image once
        var s = Schedules.Parse(schedule);
        for (int e = 0; e < epochs; e++)
            plans[e].Should().HaveCount(s.ImagesAt(e, epochs, 100)).And.OnlyHaveUniqueItems();
        var stream = plans.SelectMany(p => p).ToArray();
        for (int start = 0; start + 100 <= stream.Length; start += 100)
            stream[start..(start + 100)].Should().BeEquivalentTo(Enumerable.Range(0, 100), $"images {start}..{start + 99} form one pass");
        var tail = stream[(stream.Length / 100 * 100)..];
        tail.Should().OnlyHaveUniqueItems("the unfinished pass has not repeated anything yet");
    }

    [Fact]
    public void DiffersFromRedraw_WhichDrawsWithReplacementAcrossEpochs()
    {
        // Given 4 epochs of 25 of 100 images
        var rs2 = Run("step:0.25@1", 100, 4, seed: 8).SelectMany(p => p).Distinct().Count();
        var redraw = SelectionStage.Create("step:0.25@1", "random", 100, 4, 8, policy: SubsetPolicy.Redraw);
        var redrawn = Enumerable.Range(0, 4).SelectMany(e => redraw.Plan(e).Indices).Distinct().Count();

        // Then rs2 has trained on every image once; independent redraws leave ~100·0.75⁴ ≈ 32 unseen
        rs2.Should().Be(100);
        redrawn.Should().BeLessThan(90);
    }

    [Fact]
    public void SameSeedSameSubsets_OtherSeedOtherSubsets()
    {
        Run("step:0.3@1", 100, 6, seed: 5).Should().BeEquivalentTo(Run("step:0.3@1", 100, 6, seed: 5), o => o.WithStrictOrdering());
        Run("step:0.3@1", 100, 6, seed: 6)[5].Should().NotBeEquivalentTo(Run("step:0.3@1", 100, 6, seed: 5)[5]);
    }

    [Fact]
    public void ResumedRun_PlansTheSameEpochsAsAnUninterruptedOne()
    {
        // Given an uninterrupted run and one restored after epoch 4 (a fresh stage and selector, no history)
        var whole = Run("increment:0.3", 100, 8, seed: 2);
        var a = SelectionStage.Create("increment:0.3", "rs2", 100, 8, 2);
        for (int e = 0; e < 5; e++) a.Plan(e);
        using var saved = new MemoryStream();
        a.Save(saved);
        saved.Position = 0;
        var resumed = SelectionStage.Load(saved);

        // Then epochs 5..7 are the same, and asking for an earlier epoch again gives it back unchanged
        for (int e = 5; e < 8; e++) resumed.Plan(e).Indices.Should().Equal(whole[e]);
        resumed.Plan(2).Indices.Should().Equal(whole[2]);
        resumed.CountedEvaluations.Should().Be(Schedules.Parse("increment:0.3").PredictedEvaluations(8, 100));
    }

    [Fact]
    public void WithoutTheSchedule_EarlierEpochsAreTakenToHaveThisBudget()
    {
        var fromStage = Run("step:0.3@1", 100, 5, seed: 4)[4];
        var bare = new Rs2Selector().Select(new SelectionRequest(4, 5, 100, 30, 4, SubsetPolicy.Redraw)).Indices;

        bare.Should().Equal(fromStage);
    }

    [Fact]
    public void Stratified_EachClassWalksItsOwnPasses_WithinOneOfProportional()
    {
        // Given 60 images of class 0 and 40 of class 1, 25 a round for 8 rounds
        var plans = Run("step:0.25@1", 100, 8, seed: 7, stratify: true);

        // Then each round is 15 + 10, and each class's images in the order trained form whole passes of that class
        plans.Should().OnlyContain(p => p.Count(i => s_labels[i] == 0) == 15 && p.Count(i => s_labels[i] == 1) == 10);
        var class1 = plans.SelectMany(p => p).Where(i => s_labels[i] == 1).ToArray(); // 80 = two passes of 40
        class1[..40].Should().BeEquivalentTo(Enumerable.Range(60, 40));
        class1[40..].Should().BeEquivalentTo(Enumerable.Range(60, 40));
    }

    [Fact]
    public void Parser_Rs2_TakesNoOptions_AndNoTarget()
    {
        Selectors.Parse("RS2").Spec.Should().Be("rs2");
        Selectors.Parse("rs2").IsRandom.Should().BeFalse("runs are named apart from the paper's random baseline");
        var option = () => Selectors.Parse("rs2:r=0.5");
        option.Should().Throw<SelectionException>().WithMessage("*unknown option 'r'*");
        var target = () => Selectors.Parse("rs2", false, 0.5);
        target.Should().Throw<SelectionException>().Where(e => e.Parameter == "targetFraction").WithMessage("*infobatch and seta*");
    }
}
