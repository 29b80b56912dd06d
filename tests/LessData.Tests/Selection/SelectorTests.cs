using LessData.Selection;

namespace LessData.Tests.Selection;

public sealed class SelectorTests
{
    private static int[] Pick(int epoch, int budget, SubsetPolicy policy, bool stratify = false, int[]? labels = null) =>
        new RandomSelector().Select(new SelectionRequest(epoch, 10, 100, budget, 5, policy, stratify, labels)).Indices;

    [Fact]
    public void Nested_SmallerBudgetIsSubsetOfLarger()
    {
        var small = Pick(0, 20, SubsetPolicy.Nested);
        var large = Pick(7, 60, SubsetPolicy.Nested);

        large.Should().Contain(small);
    }

    [Fact]
    public void Redraw_EachEpochDrawsAFreshSubset()
    {
        Pick(0, 30, SubsetPolicy.Redraw).Should().NotBeEquivalentTo(Pick(1, 30, SubsetPolicy.Redraw));
    }

    [Fact]
    public void Stratify_SubsetIsClassBalancedWithinOne()
    {
        // Given 100 images, 60 of class 0 and 40 of class 1
        var labels = Enumerable.Range(0, 100).Select(i => i < 60 ? 0 : 1).ToArray();

        // When a quarter is drawn class-balanced
        var picked = Pick(2, 25, SubsetPolicy.Redraw, stratify: true, labels);

        // Then the classes keep their 60:40 proportions (15 and 10)
        picked.Should().HaveCount(25).And.OnlyHaveUniqueItems();
        picked.Count(i => labels[i] == 0).Should().Be(15);
        picked.Count(i => labels[i] == 1).Should().Be(10);
    }

    [Fact]
    public void Random_IsUniformOverManyEpochs()
    {
        // Each image should be drawn ~budget/n of the time
        var hits = new int[100];
        for (int e = 0; e < 2000; e++)
            foreach (var i in new RandomSelector().Select(new SelectionRequest(e, 2000, 100, 25, 9, SubsetPolicy.Redraw)).Indices)
                hits[i]++;

        hits.Should().OnlyContain(h => h > 400 && h < 600, "expected 500 ± sampling noise");
    }

    [Theory]
    [InlineData(10, new[] { 5, 5 }, new[] { 5, 5 })]
    [InlineData(7, new[] { 6, 3, 1 }, new[] { 4, 2, 1 })]
    [InlineData(1, new[] { 2, 2 }, new[] { 1, 0 })]
    public void ClassQuotas_LargestRemainder(int budget, int[] sizes, int[] expected)
    {
        ClassQuotas.Split(budget, sizes).Should().Equal(expected);
    }
}
