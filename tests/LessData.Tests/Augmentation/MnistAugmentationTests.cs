using LessData.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Tests.Augmentation;

public sealed class MnistAugmentationTests
{
    [Fact]
    public void InkBounds_CountsBlankColumnsAndRowsOnEachSide()
    {
        using var scope = torch.NewDisposeScope();
        var images = Pixels.ToUnit(Batches.Ink(28, (2, 5, 10, 3), (0, 0, 28, 28)));

        var b = InkBounds.Of(images);

        b.Left.data<long>().ToArray().Should().Equal(5, 0);
        b.Right.data<long>().ToArray().Should().Equal(28 - 8, 0);
        b.Top.data<long>().ToArray().Should().Equal(2, 0);
        b.Bottom.data<long>().ToArray().Should().Equal(28 - 12, 0);
    }

    [Fact]
    public void MarginShift_NeverMovesInkOutOfTheFrame_ButDoesMoveIt()
    {
        using var scope = torch.NewDisposeScope();
        // Given ink touching each border, a centred digit-like box, a full frame and a blank image
        var images = Pixels.ToUnit(Batches.Ink(28, (0, 3, 6, 6), (20, 22, 8, 6), (5, 0, 9, 4), (9, 9, 10, 10), (0, 0, 28, 28), (0, 0, 0, 0)));
        var before = InkBounds.Of(images);
        long moved = 0;

        for (ulong seed = 0; seed < 20; seed++)
        {
            using var generator = new Generator(seed);
            var (dx, dy) = MarginShift.Sample(images, generator);
            var shifted = MarginShift.Apply(images, dx, dy);

            // Then every shift stays within that image's blank margins and all ink is still in the frame
            dx.ge(before.Left.neg()).logical_and(dx.le(before.Right)).all().item<bool>().Should().BeTrue();
            dy.ge(before.Top.neg()).logical_and(dy.le(before.Bottom)).all().item<bool>().Should().BeTrue();
            shifted.sum([1, 2, 3]).allclose(images.sum([1, 2, 3]), rtol: 1e-5, atol: 1e-4).Should().BeTrue();
            moved += dx.ne(0).logical_or(dy.ne(0)).sum().item<long>();
        }
        moved.Should().BeGreaterThan(20);
    }

    [Fact]
    public void RandomErase_ZeroesOne4x4PatchInsideTheCentralArea()
    {
        using var scope = torch.NewDisposeScope();
        var ones = torch.ones(16, 1, 28, 28);
        using var generator = new Generator(4);

        var erased = RandomErase.Apply(ones, generator);

        erased.eq(0).sum([1, 2, 3]).eq(16).all().item<bool>().Should().BeTrue();
        var border = erased.clone();
        border[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(4, 26), TensorIndex.Slice(4, 26)] = torch.tensor(1f);
        border.eq(1).all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public void Train_KeepsMostOfTheInk_AndChangesTheImage()
    {
        using var scope = torch.NewDisposeScope();
        var batch = Batches.Ink(28, (6, 9, 16, 10), (4, 10, 20, 8), (8, 6, 12, 16));
        var transform = AugmentationFactory.For("mnist", true, 1, 28, 28);
        using var generator = new Generator(8);

        var train = transform.Train(batch, generator);
        var test = transform.Test(batch);

        // ink mass on the [0, 1) scale: (x / 2 + 0.5); squish (≤ W/4 narrower) and one 4x4 erase remove at most ~30%
        var inkTrain = (train / 2 + 0.5).sum([1, 2, 3]);
        var inkTest = (test / 2 + 0.5).sum([1, 2, 3]);
        (inkTrain / inkTest).min().item<float>().Should().BeGreaterThan(0.6f);
        (inkTrain / inkTest).max().item<float>().Should().BeLessThan(1.05f);
        Batches.Same(train, test).Should().BeFalse();
    }
}
