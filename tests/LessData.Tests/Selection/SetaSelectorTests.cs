using LessData.Selection;

namespace LessData.Tests.Selection;

public sealed class SetaSelectorTests
{
    private const int N = 200;

    /// <summary>Five well-separated loss clusters: image i has loss 10·(i mod 5) + i/1000, so its group is i mod 5.</summary>
    private static float[] ClusteredScores() => [.. Enumerable.Range(0, N).Select(i => 10f * (i % 5) + i / 1000f)];

    private static SelectionRequest Request(int epoch, float[]? scores, int totalEpochs = 10, int seed = 5) =>
        new(epoch, totalEpochs, N, N, seed, SubsetPolicy.Redraw, scores: scores);

    private static double Sse(IEnumerable<double> values)
    {
        var v = values.ToArray();
        double mean = v.Average();
        return v.Sum(x => (x - mean) * (x - mean));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(4, 3)]
    public void KMeans_IsTheOptimalSplitIntoIntervals_CheckedByBruteForce(int seed, int k)
    {
        // Given 9 losses with repeats (weights) and every way to cut their distinct sorted values into k intervals
        var rng = SeededRandom.For(seed, 99);
        var values = Enumerable.Range(0, 9).Select(_ => (double)rng.NextInt(12)).ToArray();
        var distinct = values.GroupBy(v => v).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        double Cost(int[] ends)
        {
            double total = 0;
            int from = 0;
            foreach (int end in ends)
            {
                total += Sse(distinct.Skip(from).Take(end - from + 1).SelectMany(x => Enumerable.Repeat(x.Key, x.Item2)));
                from = end + 1;
            }
            return total;
        }
        IEnumerable<int[]> AllCuts(int from, int groups) => groups == 1
            ? [[distinct.Count - 1]]
            : Enumerable.Range(from, distinct.Count - from - groups + 1).SelectMany(end => AllCuts(end + 1, groups - 1).Select(rest => (int[])[end, .. rest]));
        double best = AllCuts(0, k).Min(Cost);

        // When the selector's k-means splits them
        var ends = LossGroups.IntervalEnds(distinct, k);

        // Then its within-group sum of squares is the least possible
        Cost(ends).Should().BeApproximately(best, 1e-9);
    }

    [Fact]
    public void Groups_AreOrderedEasyToHard_AndRecoverSeparatedClusters()
    {
        var scores = ClusteredScores();
        var groups = LossGroups.Split([.. Enumerable.Range(0, N)], scores, 5);

        for (int g = 0; g < 5; g++) groups[g].Should().BeEquivalentTo(Enumerable.Range(0, N).Where(i => i % 5 == g));
        for (int g = 0; g + 1 < 5; g++) groups[g].Max(i => scores[i]).Should().BeLessThan(groups[g + 1].Min(i => scores[i]));
    }

    [Fact]
    public void Groups_UnseenImagesJoinTheHardest_EqualLossesAreChunked()
    {
        var scores = ClusteredScores();
        scores[7] = float.PositiveInfinity;
        scores[8] = float.NaN;
        var groups = LossGroups.Split([.. Enumerable.Range(0, N)], scores, 5);
        groups[4].Should().Contain([7, 8]);

        var flat = LossGroups.Split([.. Enumerable.Range(0, 12)], new float[12], 5);
        flat.Select(g => g.Length).Should().Equal(3, 3, 2, 2, 2);
        flat.SelectMany(g => g).Should().Equal(Enumerable.Range(0, 12), "all equal: contiguous chunks in the given order");
    }

    [Theory]
    [InlineData(5, 0.9, 4)]  // 4.5 rounds to even: the public code's round()
    [InlineData(5, 0.5, 2)]  // 2.5 → 2
    [InlineData(10, 0.35, 4)] // 3.5 → 4
    [InlineData(10, 0.6, 6)]
    [InlineData(5, 1, 5)]
    public void WindowSize_IsPythonRoundOfKTimesWindow(int k, double window, int expected)
    {
        new SetaSelector(groups: k, window: window).WindowGroups.Should().Be(expected);
    }

    [Fact]
    public void Window_SlidesFromEasyToHard_AndWraps()
    {
        // Given no random pruning, k = 5 separated clusters and a window of 2 groups (start = e mod 4)
        var selector = new SetaSelector(prune: 0, groups: 5, window: 0.4, delta: 1);
        var scores = ClusteredScores();

        // Then epoch 0 takes everything and epoch e takes groups e mod 4 and e mod 4 + 1
        selector.Select(Request(0, null)).Indices.Should().HaveCount(N);
        int[] expectedStarts = [1, 2, 3, 0, 1, 2];
        for (int e = 1; e <= 6; e++)
        {
            int start = expectedStarts[e - 1];
            selector.Select(Request(e, scores)).Indices.Select(i => i % 5).Distinct().Order()
                .Should().Equal([start, start + 1], $"epoch {e}");
        }
    }

    [Fact]
    public void RandomPruning_KeepsFloorOfOneMinusPrune_BeforeGrouping()
    {
        // Given prune 0.3 with the window over all groups (the public code's "dynamic random": k=1, window=1)
        var selector = new SetaSelector(prune: 0.3, groups: 1, window: 1, delta: 1);
        var scores = ClusteredScores();

        // Then every epoch trains on ⌊0.7·200⌋ = 140 images, a different random 140 each epoch
        var e1 = selector.Select(Request(1, scores)).Indices;
        var e2 = selector.Select(Request(2, scores)).Indices;
        e1.Should().HaveCount(140).And.OnlyHaveUniqueItems();
        e2.Should().HaveCount(140).And.NotBeEquivalentTo(e1);
        selector.PredictedEvaluations(Schedules.Full(), 10, N).Should().Be(1400);

        // And with a window of 2 of 5 clusters, the chosen images are those of the 140 kept in the window's clusters
        var windowed = new SetaSelector(prune: 0.3, groups: 5, window: 0.4, delta: 1).Select(Request(1, scores)).Indices;
        windowed.Should().OnlyContain(i => i % 5 == 1 || i % 5 == 2);
        windowed.Length.Should().BeInRange(40, 72, "≈ 2/5 of 140");
        new SetaSelector(prune: 0.3, groups: 5, window: 0.4).PredictedEvaluations(Schedules.Full(), 10, N).Should().BeNull("the losses decide");
    }

    [Fact]
    public void Annealing_FromFloorOfDeltaTimesEpochs_PartialByDefault_FullOnRequest()
    {
        // Given 10 epochs × δ 0.875 = 8.75: epochs 0..7 prune (the public code's count), 8 and 9 anneal
        var partial = new SetaSelector(prune: 0.3, groups: 5, window: 0.4);
        var full = new SetaSelector(prune: 0.3, groups: 5, window: 0.4, fullAnneal: true);
        var scores = ClusteredScores();
        partial.PrunedEpochs(10).Should().Be(8);

        // Then epoch 7 still windows; epochs 8 and 9 train on a random 140 (partial), or on all 200 (fullanneal)
        partial.Select(Request(7, scores)).Indices.Select(i => i % 5).Distinct().Should().HaveCount(2);
        foreach (int e in new[] { 8, 9 })
        {
            var p = partial.Select(Request(e, scores));
            p.Indices.Should().HaveCount(140).And.OnlyHaveUniqueItems();
            p.Indices.Select(i => i % 5).Distinct().Should().HaveCount(5, "annealing ignores the groups");
            p.Weights.Should().BeNull();
            full.Select(Request(e, scores)).Indices.Should().BeEquivalentTo(Enumerable.Range(0, N));
        }
    }

    [Theory]
    [InlineData(0.6, false)]
    [InlineData(0.5, true)]
    public void TargetFraction_EvaluationsEqualPrediction_WhichIsTheTarget(double target, bool fullAnneal)
    {
        // Given a stage over 200 images for 10 epochs, losses handed back every epoch
        var selector = new SetaSelector(prune: 0.3, groups: 5, window: 0.4, targetFraction: target, fullAnneal: fullAnneal);
        var stage = SelectionStage.Create(Schedules.Full(), selector, N, 10, 4);
        var scores = ClusteredScores();
        for (int e = 0; e < 10; e++)
        {
            var plan = stage.Plan(e);
            plan.Indices.Should().OnlyHaveUniqueItems();
            stage.Observe(plan, [.. plan.Indices.Select(i => scores[i])]);
        }

        // Then the counted evaluations are the prediction: m + (P−1)·K + (E−P)·(m or n), K rounded, ≈ T·E·n
        int m = 140, p = 8, annealing = fullAnneal ? N : m;
        int k = (int)Math.Round((target * 10 * N - m - 2.0 * annealing) / (p - 1), MidpointRounding.AwayFromZero);
        stage.PredictedEvaluations.Should().Be(m + (p - 1) * k + 2L * annealing);
        stage.CountedEvaluations.Should().Be(stage.PredictedEvaluations!.Value);
        Math.Abs(stage.CountedEvaluations - target * 10 * N).Should().BeLessThanOrEqualTo((p - 1) / 2.0);
    }

    [Fact]
    public void UnreachableTarget_NamesTheReachableShares()
    {
        var act = () => SelectionStage.Create(Schedules.Full(), new SetaSelector(prune: 0.3, targetFraction: 0.1), N, 10, 1);

        act.Should().Throw<SelectionException>().Where(e => e.Parameter == "targetFraction").WithMessage("*out of reach*reachable shares are 0.21 to 0.91*");
    }

    [Fact]
    public void NotFullSchedule_IsRefused()
    {
        var act = () => SelectionStage.Create("step:0.5@0.5", "seta", N, 10, 1);

        act.Should().Throw<SelectionException>().Where(e => e.Parameter == "selector").WithMessage("*full schedule*");
    }

    [Fact]
    public void SameSeedSameSelection_OtherSeedOther()
    {
        var selector = new SetaSelector(prune: 0.3);
        var scores = ClusteredScores();

        selector.Select(Request(3, scores, seed: 1)).Indices.Should().Equal(selector.Select(Request(3, scores, seed: 1)).Indices);
        selector.Select(Request(3, scores, seed: 2)).Indices.Should().NotEqual(selector.Select(Request(3, scores, seed: 1)).Indices);
    }

    [Theory]
    [InlineData("seta", null, "seta:prune=0.1,k=5,window=0.9,delta=0.875")]
    [InlineData("SETA:k=10,window=0.6,prune=0,delta=0.9,fullanneal", null, "seta:prune=0,k=10,window=0.6,delta=0.9,fullanneal")]
    [InlineData("seta:prune=0.3", 0.6, "seta:prune=0.3,k=5,window=0.9,delta=0.875,target=0.6")]
    public void Parser_CanonicalSpec(string spec, double? target, string canonical)
    {
        var selector = Selectors.Parse(spec, false, target);

        selector.Spec.Should().Be(canonical);
        Selectors.Parse(selector.Spec).Spec.Should().Be(canonical);
    }

    [Theory]
    [InlineData("seta:k=2.5", "option k needs a whole number")]
    [InlineData("seta:k=0", "option k needs a whole number")]
    [InlineData("seta:window=0.05", "window 0.05 of k=5 groups rounds to no group")]
    [InlineData("seta:window=1.5", "window must be in (0, 1]")]
    [InlineData("seta:prune=0.95", "prune must be in [0, 0.9]")]
    [InlineData("seta:delta=0", "delta must be in (0, 1]")]
    [InlineData("seta:speed=3", "unknown option 'speed'")]
    [InlineData("seta:prune=x", "option prune needs a number")]
    [InlineData("seta:target=2", "target fraction must be in (0, 1]")]
    public void Parser_BadSpec_OneClearErrorNamingTheOption(string spec, string message)
    {
        var act = () => Selectors.Parse(spec);

        act.Should().Throw<SelectionException>().Which.Message.Should().Contain(message);
    }
}
