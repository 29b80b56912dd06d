using LessData.Selection;

namespace LessData.Tests.Selection;

public sealed class ScoreSelectorTests
{
    private const int N = 200;

    /// <summary>Scores 0..N-1 shuffled, so the hardest images are not simply the last indices.</summary>
    private static float[] Scores(int seed = 4)
    {
        var order = SeededRandom.For(seed, 77).Permutation(N);
        return order.Select(v => (float)v).ToArray();
    }

    private static SelectionRequest Request(int epoch, int budget, float[]? scores, int totalEpochs = 10, int seed = 5) =>
        new(epoch, totalEpochs, N, budget, seed, SubsetPolicy.Redraw, scores: scores);

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(137)]
    [InlineData(199)]
    [InlineData(200)]
    public void Loss_SizeEqualsBudget_UniqueInRange(int budget)
    {
        var picked = new LossSelector().Select(Request(3, budget, Scores())).Indices;

        picked.Should().HaveCount(budget).And.OnlyHaveUniqueItems().And.OnlyContain(i => i >= 0 && i < N);
    }

    [Fact]
    public void Loss_KeepsTheHardestAndFillsWithEasierOnes()
    {
        // Given shuffled scores and a budget of 80 with half taken by rank
        var scores = Scores();
        var picked = new LossSelector(hardShare: 0.5).Select(Request(2, 80, scores)).Indices;

        // Then the 40 highest-loss images are all in, and the other 40 come from below them
        var hardest = Enumerable.Range(0, N).OrderByDescending(i => scores[i]).Take(40).ToArray();
        picked.Should().Contain(hardest);
        picked.Except(hardest).Should().HaveCount(40).And.OnlyContain(i => scores[i] < 160);
    }

    [Fact]
    public void Loss_IsPureAndSeeded()
    {
        var a = new LossSelector().Select(Request(2, 80, Scores()));
        var b = new LossSelector().Select(Request(2, 80, Scores()));
        var otherEpoch = new LossSelector().Select(Request(3, 80, Scores()));
        var otherSeed = new LossSelector().Select(Request(2, 80, Scores(), seed: 6));

        a.Indices.Should().Equal(b.Indices);
        otherEpoch.Indices.Should().NotEqual(a.Indices, "the easy fill is redrawn each epoch");
        otherSeed.Indices.Should().NotEqual(a.Indices);
    }

    [Fact]
    public void Loss_UnseenImagesRankAsHardest_TiesInSeededOrder()
    {
        // Given 30 images never seen (+inf) and the rest with finite losses
        var scores = Scores();
        for (int i = 0; i < 30; i++) scores[i * 5] = float.PositiveInfinity;

        var picked = new LossSelector(hardShare: 1).Select(Request(0, 30, scores)).Indices;

        // Then the budget of 30 is exactly the unseen images
        picked.Should().BeEquivalentTo(Enumerable.Range(0, 30).Select(i => i * 5));
        picked.Should().NotBeInAscendingOrder("ties are ordered by a seeded shuffle, not by index");
    }

    [Fact]
    public void Loss_Unbiased_EasyWeightsHaveExpectationOne()
    {
        // Over many draws, Σ weight·[kept] / draws for each easy image must approach 1 (unbiased gradient)
        var scores = Scores();
        var selector = new LossSelector(hardShare: 0.25, unbiased: true);
        var sum = new double[N];
        const int draws = 4000;
        for (int e = 0; e < draws; e++)
        {
            var s = selector.Select(Request(e, 60, scores, totalEpochs: draws));
            for (int k = 0; k < s.Indices.Length; k++) sum[s.Indices[k]] += s.Weights![k];
        }

        var hardest = Enumerable.Range(0, N).OrderByDescending(i => scores[i]).Take(15).ToHashSet();
        foreach (int i in Enumerable.Range(0, N))
            (sum[i] / draws).Should().BeApproximately(1.0, hardest.Contains(i) ? 1e-9 : 0.12, $"image {i}");
        Enumerable.Range(0, N).Where(i => !hardest.Contains(i)).Average(i => sum[i] / draws).Should().BeApproximately(1.0, 0.01);
    }

    [Fact]
    public void Loss_Biased_HasNoWeights_FullBudgetKeepsAll()
    {
        new LossSelector().Select(Request(1, 80, Scores())).Weights.Should().BeNull();
        var full = new LossSelector(unbiased: true).Select(Request(1, N, Scores()));
        full.Indices.Should().Equal(Enumerable.Range(0, N));
        full.Weights.Should().BeNull();
    }

    [Fact]
    public void InfoBatch_FirstEpochWithoutScores_UsesEverything()
    {
        var s = new InfoBatchSelector().Select(Request(0, N, Enumerable.Repeat(float.PositiveInfinity, N).ToArray()));

        s.Indices.Should().Equal(Enumerable.Range(0, N));
        s.Weights.Should().BeNull();
    }

    [Fact]
    public void InfoBatch_PrunesOnlyBelowMean_AndRescalesTheKeptOnes()
    {
        // Given scores 0..199 (mean 99.5): 100 images are below the mean
        var scores = Scores();
        var s = new InfoBatchSelector(ratio: 0.3).Select(Request(1, N, scores));

        // Then exactly 30 of those 100 are left out, every above-mean image stays at weight 1, kept low-loss ones at 1/0.7
        var dropped = Enumerable.Range(0, N).Except(s.Indices).ToArray();
        dropped.Should().HaveCount(30).And.OnlyContain(i => scores[i] < 99.5);
        for (int k = 0; k < s.Indices.Length; k++)
            s.Weights![k].Should().BeApproximately(scores[s.Indices[k]] < 99.5 ? 1 / 0.7f : 1f, 1e-6f);
    }

    [Fact]
    public void InfoBatch_FractionalEpochsTimesDelta_AnnealingEpochsAreFullAndUnweighted()
    {
        // 10 epochs × δ 0.875 = 8.75: epochs 0..8 prune, epoch 9 anneals. The public code's reset never fires here.
        var selector = new InfoBatchSelector(ratio: 0.5, delta: 0.875);
        selector.PrunedEpochs(10).Should().Be(9);
        var scores = Scores();

        var pruned = selector.Select(Request(8, N, scores));
        var annealed = selector.Select(Request(9, N, scores));

        pruned.Indices.Should().HaveCount(N - 50);
        pruned.Weights.Should().NotBeNull();
        annealed.Indices.Should().Equal(Enumerable.Range(0, N));
        annealed.Weights.Should().BeNull("no rescaling survives into the full-data epochs");
    }

    [Theory]
    [InlineData(10, 0.875, 9, 8)]
    [InlineData(12, 0.875, 11, 10)]
    [InlineData(8, 0.875, 7, 7)]
    public void InfoBatch_PublicCount_PrunesFloorOfDeltaTimesEpochs(int epochs, double delta, int ours, int publicCode)
    {
        // Given the default count (⌈δE⌉) and the public code's (⌊δE⌋, its sampler constructor advances the epoch)
        var fromParser = SelectorParser.Parse($"infobatch:delta={delta.ToString(System.Globalization.CultureInfo.InvariantCulture)},public");

        // Then the two differ by one epoch exactly when δE is fractional
        new InfoBatchSelector(delta: delta).PrunedEpochs(epochs).Should().Be(ours);
        ((InfoBatchSelector)fromParser).PrunedEpochs(epochs).Should().Be(publicCode);
        fromParser.Spec.Should().EndWith(",public");
        SelectorParser.Parse(fromParser.Spec).Spec.Should().Be(fromParser.Spec, "the canonical spec round-trips");
    }

    [Fact]
    public void InfoBatch_Weights_HaveExpectationOne()
    {
        var scores = Scores();
        var selector = new InfoBatchSelector(ratio: 0.5, delta: 1);
        var sum = new double[N];
        const int draws = 3000;
        for (int e = 0; e < draws; e++)
        {
            var s = selector.Select(Request(e, N, scores, totalEpochs: draws));
            for (int k = 0; k < s.Indices.Length; k++) sum[s.Indices[k]] += s.Weights![k];
        }

        Enumerable.Range(0, N).Select(i => sum[i] / draws).Should().OnlyContain(v => Math.Abs(v - 1) < 0.12);
        Enumerable.Range(0, N).Where(i => scores[i] < 99.5).Average(i => sum[i] / draws).Should().BeApproximately(1.0, 0.005);
    }

    [Fact]
    public void InfoBatch_TargetFraction_RunUsesThatShare()
    {
        // Given 10 epochs, δ 0.875 (9 prunable epochs, epoch 0 always full) and a 70% target
        var selector = new InfoBatchSelector(delta: 0.875, targetFraction: 0.7);
        var scores = Scores();

        long total = 0;
        for (int e = 0; e < 10; e++)
            total += selector.Select(Request(e, N, e == 0 ? null : scores)).Indices.Length;

        // Then the run trains on 70% of 10 × 200 images (the below-mean pool of 100 is big enough here)
        total.Should().Be(1400);
    }

    [Fact]
    public void InfoBatch_UnreachableTarget_ExplainsTheLowestShare()
    {
        var act = () => new InfoBatchSelector(delta: 0.5, targetFraction: 0.5).TargetEpochSize(10, N);

        act.Should().Throw<SelectionException>().Where(e => e.Parameter == "targetFraction").WithMessage("*out of reach*lowest reachable share is 0.6*");
    }

    [Theory]
    [InlineData("random", false, null, "random")]
    [InlineData("loss", false, null, "loss:hard=0.5")]
    [InlineData("loss", true, null, "loss:hard=0.5,unbiased")]
    [InlineData("LOSS:hard=0.25,unbiased", false, null, "loss:hard=0.25,unbiased")]
    [InlineData("infobatch", false, null, "infobatch:r=0.5,delta=0.875")]
    [InlineData("infobatch:r=0.3,delta=0.9", false, 0.8, "infobatch:r=0.3,delta=0.9,target=0.8")]
    public void Parser_CanonicalSpec(string spec, bool unbiased, double? target, string canonical)
    {
        SelectorParser.Parse(spec, unbiased, target).Spec.Should().Be(canonical);
    }

    [Theory]
    [InlineData("greedy", false, null, "unknown selector")]
    [InlineData("loss:hard=2", false, null, "hard must be in [0, 1]")]
    [InlineData("loss:speed=3", false, null, "unknown option 'speed'")]
    [InlineData("infobatch:r=1", false, null, "r must be in [0, 1)")]
    [InlineData("infobatch:r=x", false, null, "needs a number")]
    [InlineData("random", true, null, "unbiased weights apply to the loss selector")]
    [InlineData("loss", false, 0.5, "a target fraction applies to the infobatch and seta selectors")]
    [InlineData("infobatch", false, 1.5, "target fraction must be in (0, 1]")]
    public void Parser_BadSpec_ExplainsWhatToDo(string spec, bool unbiased, double? target, string message)
    {
        var act = () => SelectorParser.Parse(spec, unbiased, target);

        act.Should().Throw<SelectionException>().Which.Message.Should().Contain(message);
    }
}
