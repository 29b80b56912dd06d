using LessData.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Tests.Augmentation;

public sealed class PipelineTests
{
    [Theory]
    [InlineData("mnist", 1, 28, 28, 1, 28, 28)]
    [InlineData("fashion-mnist", 1, 28, 28, 1, 28, 28)]
    [InlineData("cifar10", 3, 32, 32, 3, 32, 32)]
    [InlineData("smallnorb", 1, 96, 96, 1, 32, 32)]
    [InlineData("smallnorb", 2, 96, 96, 1, 32, 32)]
    public void TrainAndTest_GiveCentredFloatBatchesOfTheOutputShape(string dataset, int c, int h, int w, int oc, int oh, int ow)
    {
        using var scope = torch.NewDisposeScope();
        var transform = AugmentationFactory.For(dataset, augment: true, c, h, w);
        var batch = Batches.Random(4, c, h, w);
        using var generator = new Generator(7);

        var train = transform.Train(batch, generator);
        var test = transform.Test(batch);

        transform.OutputShape.Should().Be((oc, oh, ow));
        foreach (var x in new[] { train, test })
        {
            x.shape.Should().Equal(4, oc, oh, ow);
            x.dtype.Should().Be(ScalarType.Float32);
            x.isfinite().all().item<bool>().Should().BeTrue();
        }
        test.min().item<float>().Should().BeGreaterThanOrEqualTo(-1f);
        test.max().item<float>().Should().BeLessThan(1f);
    }

    [Theory]
    [InlineData("mnist", 1, 28, 28)]
    [InlineData("cifar10", 3, 32, 32)]
    [InlineData("smallnorb", 1, 96, 96)]
    public void Train_SameGeneratorSeed_SameBatch_OtherSeed_OtherBatch(string dataset, int c, int h, int w)
    {
        using var scope = torch.NewDisposeScope();
        var transform = AugmentationFactory.For(dataset, augment: true, c, h, w);
        var batch = dataset == "mnist" ? Batches.Ink(h, (6, 8, 12, 9), (3, 3, 20, 20), (10, 2, 5, 14)) : Batches.Random(3, c, h, w);

        Tensor Run(ulong seed)
        {
            using var generator = new Generator(seed);
            return transform.Train(batch, generator);
        }

        Batches.Same(Run(21), Run(21)).Should().BeTrue();
        Batches.Same(Run(21), Run(22)).Should().BeFalse();
    }

    [Theory]
    [InlineData("mnist", 1, 28, 28)]
    [InlineData("cifar10", 3, 32, 32)]
    [InlineData("smallnorb", 1, 96, 96)]
    public void TestAndTrain_NeverTouchTheGlobalRandomState_AndTestIsRepeatable(string dataset, int c, int h, int w)
    {
        using var scope = torch.NewDisposeScope();
        var transform = AugmentationFactory.For(dataset, augment: true, c, h, w);
        var batch = Batches.Random(3, c, h, w);
        torch.manual_seed(99);
        var expected = torch.rand(5);

        torch.manual_seed(99);
        var first = transform.Test(batch);
        using (var generator = new Generator(3)) transform.Train(batch, generator);
        var second = transform.Test(batch);
        var drawn = torch.rand(5);

        Batches.Same(drawn, expected).Should().BeTrue();
        Batches.Same(first, second).Should().BeTrue();
    }

    [Theory]
    [InlineData("mnist", 1, 28, 28)]
    [InlineData("cifar10", 3, 32, 32)]
    [InlineData("smallnorb", 1, 96, 96)]
    public void AugmentOff_TrainEqualsTest(string dataset, int c, int h, int w)
    {
        using var scope = torch.NewDisposeScope();
        var transform = AugmentationFactory.For(dataset, augment: false, c, h, w);
        var batch = Batches.Random(3, c, h, w);
        using var generator = new Generator(5);

        Batches.Same(transform.Train(batch, generator), transform.Test(batch)).Should().BeTrue();
    }

    [Fact]
    public void Centring_MapsBytesTo_MinusOneUpToOne()
    {
        using var scope = torch.NewDisposeScope();
        var bytes = torch.tensor(new byte[] { 0, 128, 255 }).view(1, 1, 1, 3);

        var x = Pixels.Centre(Pixels.ToUnit(bytes));

        x.data<float>().ToArray().Should().Equal(-1f, 0f, 2 * (255f / 256 - 0.5f));
    }

    [Fact]
    public void UnknownDataset_IsAUserErrorListingTheKnownOnes()
    {
        var act = () => AugmentationFactory.For("imagenet", true, 3, 224, 224);

        act.Should().Throw<UserError>().WithMessage("*imagenet*mnist*cifar10*smallnorb*");
    }
}
