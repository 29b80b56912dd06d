using LessData;
using LessData.Data;

namespace LessData.Tests.Data;

public sealed class BalancedSubsetTests
{
    private static readonly int[] s_labels = [.. Enumerable.Range(0, 1000).Select(i => i < 700 ? i % 7 : 9)];

    [Fact]
    public void Indices_AreClassBalancedSortedAndSeeded()
    {
        var a = BalancedSubset.Indices(s_labels, 100, seed: 4);
        var b = BalancedSubset.Indices(s_labels, 100, seed: 4);
        var c = BalancedSubset.Indices(s_labels, 100, seed: 5);

        a.Should().Equal(b).And.BeInAscendingOrder().And.OnlyHaveUniqueItems().And.HaveCount(100);
        a.Should().NotEqual(c);
        a.Count(i => s_labels[i] == 9).Should().Be(30, "class 9 is 30% of the split");
        a.Count(i => s_labels[i] == 3).Should().Be(10);
    }

    [Fact]
    public void Indices_LimitLargerThanSplit_ExplainsAndFails()
    {
        var act = () => BalancedSubset.Indices(s_labels, 5000, 1, "trainLimit");

        var error = act.Should().Throw<UserError>().Which;
        error.Parameter.Should().Be("trainLimit");
        error.Message.Should().StartWith("5000").And.Contain("1000 images");
    }
}
