using LessData.Selection;

namespace LessData.Tests.Selection;

/// <summary>One contract, every method: sizes, determinism, evaluations counted versus the card's formula, edge cases.</summary>
public sealed class ScheduleContractTests
{
    public static TheoryData<string, int, int> Cases()
    {
        var data = new TheoryData<string, int, int>();
        string[] specs = ["full", "step:0.25@0.5", "step:E1", "step:E9", "step:0.5@0", "step:0.5@1", "increment:0.25", "increment:0.75", "cut:2", "cut:5", "cut:9"];
        (int Epochs, int Size)[] shapes = [(10, 1000), (7, 333), (1, 50), (3, 2), (4, 1), (20, 61)];
        foreach (var spec in specs)
            foreach (var (e, n) in shapes)
                data.Add(spec, e, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryMethod_SelectionMatchesBudget_AndCountedEvaluationsEqualFormula(string spec, int epochs, int size)
    {
        // Given a schedule, the paper's random selector and its default policy
        var schedule = ScheduleParser.Parse(spec);
        var selector = new RandomSelector();
        var labels = Enumerable.Range(0, size).Select(i => i % 3).ToArray();

        // When every epoch is selected
        long counted = 0;
        for (int e = 0; e < epochs; e++)
        {
            int budget = schedule.ImagesAt(e, epochs, size);
            var picked = selector.Select(new SelectionRequest(e, epochs, size, budget, 11, schedule.DefaultPolicy, false, labels)).Indices;

            // Then each epoch has its budget of distinct, in-range indices, at least one image
            picked.Should().HaveCount(budget);
            picked.Should().OnlyHaveUniqueItems();
            picked.Should().OnlyContain(i => i >= 0 && i < size);
            budget.Should().BeInRange(1, size);
            counted += picked.Length;
        }

        // And the count agrees exactly with the method card's formula
        counted.Should().Be(schedule.PredictedEvaluations(epochs, size));
    }

    [Theory]
    [InlineData("step:0.5@0.5")]
    [InlineData("increment:0.25")]
    [InlineData("cut:5")]
    public void EveryMethod_SameSeedSameSubsets_OtherSeedOtherSubsets(string spec)
    {
        var schedule = ScheduleParser.Parse(spec);
        int[] Pick(int seed) => new RandomSelector().Select(new SelectionRequest(
            0, 10, 500, schedule.ImagesAt(0, 10, 500), seed, schedule.DefaultPolicy)).Indices;

        Pick(3).Should().Equal(Pick(3));
        Pick(3).Should().NotEqual(Pick(4));
    }

    [Fact]
    public void Step_UsesFractionUntilBoundary_ThenAll()
    {
        // Given step:0.25@0.5 over 10 epochs of 1000 images
        var step = ScheduleParser.Parse("step:0.25@0.5");

        // When / Then: epochs 0..4 (round(0.5·10) = 5) use 250, the rest 1000
        Enumerable.Range(0, 10).Select(e => step.ImagesAt(e, 10, 1000))
            .Should().Equal(250, 250, 250, 250, 250, 1000, 1000, 1000, 1000, 1000);
        step.PredictedEvaluations(10, 1000).Should().Be(5 * 250 + 5 * 1000);
    }

    [Fact]
    public void Increment_GrowsLinearlyFromFToOne()
    {
        var inc = ScheduleParser.Parse("increment:0.25");

        Enumerable.Range(0, 4).Select(e => inc.FractionAt(e, 4)).Should().Equal(0.25, 0.5, 0.75, 1.0);
        ((double)inc.PredictedEvaluations(300, 60000) / (300 * 60000.0)).Should().BeApproximately((1 + 0.25) / 2, 0.001);
        inc.FractionAt(0, 1).Should().Be(1.0, "a single epoch is the last epoch, which uses all data");
    }

    [Fact]
    public void Cut_SectionKUsesCutsOneToK_AndEndsOnAllData()
    {
        var cut = ScheduleParser.Parse("cut:5");

        Enumerable.Range(0, 10).Select(e => cut.ImagesAt(e, 10, 1000))
            .Should().Equal(200, 200, 400, 400, 600, 600, 800, 800, 1000, 1000);
        // E < N merges sections: ceil(1·5/2) = 3 cuts, then all 5
        Enumerable.Range(0, 2).Select(e => cut.ImagesAt(e, 2, 1000)).Should().Equal(600, 1000);
        ((double)cut.PredictedEvaluations(300, 60000) / (300 * 60000.0)).Should().BeApproximately(6.0 / 10, 1e-9);
    }

    [Fact]
    public void Step_IncrementFromQuarter_CostsAboutTheSameAsE2()
    {
        // The paper notes increment from 25% costs about the evaluations of E2
        var e2 = ScheduleParser.Parse("step:E2").PredictedEvaluations(300, 60000);
        var inc = ScheduleParser.Parse("increment:0.25").PredictedEvaluations(300, 60000);

        ((double)inc / e2).Should().BeApproximately(1.0, 0.01);
    }

    [Fact]
    public void FractionRoundingToZero_StillTrainsOnOneImage()
    {
        var step = ScheduleParser.Parse("step:0.1@1");

        step.ImagesAt(0, 5, 4).Should().Be(1, "round(0.1·4) = 0 images, and an epoch never trains on nothing");
    }
}
