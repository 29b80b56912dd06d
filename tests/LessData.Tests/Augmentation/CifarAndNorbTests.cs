using LessData.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Tests.Augmentation;

public sealed class CifarAndNorbTests
{
    [Fact]
    public void Cifar_EveryTrainImageIsAPaddedCropOfTheOriginal_FlippedOrNot()
    {
        using var scope = torch.NewDisposeScope();
        // Given one asymmetric image repeated
        var image = Batches.Random(1, 3, 32, 32, seed: 3);
        var batch = image.expand(48, 3, 32, 32).contiguous();
        var transform = AugmentationFactory.For("cifar10", true, 3, 32, 32);
        using var generator = new Generator(12);

        var train = transform.Train(batch, generator);

        // Then each output equals one of the 9 x 9 shifts (zero = −1 fill) of the image or of its mirror
        var padded = nn.functional.pad(transform.Test(image), [4, 4, 4, 4], value: -1);
        var candidates = new List<Tensor>();
        for (int top = 0; top <= 8; top++)
            for (int left = 0; left <= 8; left++)
                candidates.Add(padded.narrow(2, top, 32).narrow(3, left, 32));
        var plain = torch.cat(candidates.ToArray(), 0);                 // [81, 3, 32, 32]
        var all = torch.cat([plain, plain.flip(3)], 0);                 // [162, 3, 32, 32]
        var matches = train.unsqueeze(1).eq(all.unsqueeze(0)).flatten(2).all(2);   // [48, 162]
        matches.any(1).all().item<bool>().Should().BeTrue();
        // and both mirrored and unmirrored outputs occur
        matches.narrow(1, 0, 81).any(1).any().item<bool>().Should().BeTrue();
        matches.narrow(1, 81, 81).any(1).any().item<bool>().Should().BeTrue();
    }

    [Fact]
    public void Cifar_FlipOfAKnownAsymmetricImage_MirrorsItsColumns()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.arange(32, dtype: ScalarType.Float32).view(1, 1, 1, 32).expand(1, 3, 32, 32);

        var flipped = x.flip(3);
        var cropped = BatchCrop.Apply(flipped, torch.tensor(new long[] { 0 }), torch.tensor(new long[] { 0 }), 32, 32);

        cropped[0, 0, 5, 0].item<float>().Should().Be(31f);
        cropped[0, 2, 7, 31].item<float>().Should().Be(0f);
    }

    [Fact]
    public void SmallNorb_Test_ResizesTo48ThenCropsTheCentre32()
    {
        using var scope = torch.NewDisposeScope();
        // Given a 96x96 image constant on each 2x2 block, with block (i, j) holding (5i + 3j) mod 256
        var i = torch.arange(48).view(-1, 1);
        var j = torch.arange(48).view(1, -1);
        var blocks = (5 * i + 3 * j).remainder(256).to(ScalarType.Byte);
        var image = blocks.repeat_interleave(2, 0).repeat_interleave(2, 1).view(1, 1, 96, 96);
        var transform = AugmentationFactory.For("smallnorb", true, 1, 96, 96);

        var test = transform.Test(image);

        // Then pixel (r, c) is block (r + 8, c + 8), inverted (1 − v/256) and centred
        var expectedBlocks = blocks.narrow(0, 8, 32).narrow(1, 8, 32).to(ScalarType.Float32) / 256;
        var expected = ((1 - expectedBlocks) - 0.5) * 2;
        test.shape.Should().Equal(1, 1, 32, 32);
        test[0, 0].allclose(expected, rtol: 0, atol: 1e-5).Should().BeTrue();
    }

    [Fact]
    public void SmallNorb_Train_CropsAndAdjustsBrightnessAndContrast()
    {
        using var scope = torch.NewDisposeScope();
        var batch = Batches.Random(6, 2, 96, 96, seed: 9);
        var transform = AugmentationFactory.For("smallnorb", true, 2, 96, 96);
        using var generator = new Generator(2);

        var train = transform.Train(batch, generator);

        train.shape.Should().Equal(6, 1, 32, 32);
        // brightness shifts the per-image means apart (test crops of random bytes all have means near 0)
        var means = train.mean([1, 2, 3]);
        (means.max() - means.min()).item<float>().Should().BeGreaterThan(0.05f);
    }
}
