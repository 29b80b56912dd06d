using LessData.Selection;

namespace LessData.Tests.Selection;

public sealed class EpochBatchesTests
{
    [Theory]
    [InlineData(10, 4)]
    [InlineData(9, 4)]
    [InlineData(120, 120)]
    [InlineData(2, 5)]
    public void Make_FeedsEverySelectedIndexExactlyOnce(int selected, int batchSize)
    {
        // Given a selection of distinct indices
        var indices = Enumerable.Range(0, selected).Select(i => i * 3).ToArray();

        // When it is cut into batches
        var batches = EpochBatches.Make(new LessData.Selection.EpochSelection(indices), batchSize, seed: 7, epoch: 2);

        // Then every index appears once, and no batch has a single image
        batches.SelectMany(b => b.Indices).Should().BeEquivalentTo(indices);
        batches.Should().OnlyContain(b => b.Count >= 2 && b.Count <= batchSize + 1);
    }

    [Fact]
    public void Make_SameSeedSameOrder_OtherEpochOtherOrder()
    {
        var selection = new LessData.Selection.EpochSelection(Enumerable.Range(0, 50).ToArray());

        var a = EpochBatches.Make(selection, 8, seed: 1, epoch: 0).SelectMany(b => b.Indices).ToArray();
        var b = EpochBatches.Make(selection, 8, seed: 1, epoch: 0).SelectMany(b => b.Indices).ToArray();
        var c = EpochBatches.Make(selection, 8, seed: 1, epoch: 1).SelectMany(b => b.Indices).ToArray();

        a.Should().Equal(b);
        a.Should().NotEqual(c);
    }

    [Fact]
    public void Make_WeightsFollowTheirIndices()
    {
        var selection = new LessData.Selection.EpochSelection([5, 6, 7, 8], [0.5f, 0.6f, 0.7f, 0.8f]);

        var batches = EpochBatches.Make(selection, 2, seed: 3, epoch: 0);

        foreach (var batch in batches)
            batch.Weights!.Should().Equal(batch.Indices.Select(i => i / 10f));
    }
}
