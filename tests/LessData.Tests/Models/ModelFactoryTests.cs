using LessData.Models;

namespace LessData.Tests.Models;

public sealed class ModelFactoryTests
{
    [Fact]
    public void FlopsPerImage_PaperModel_IsTwiceTheMultiplyAdds_AndTrainingIsThreeTimesForward()
    {
        // Given the paper model on 28x28x1: conv i maps (28 − 2i)² → (26 − 2i)² positions
        long macs = 0;
        int inChannels = 1;
        for (int i = 0; i < 9; i++)
        {
            int width = 32 + 16 * i, size = 26 - 2 * i;
            macs += 9L * inChannels * width * size * size;
            inChannels = width;
        }
        macs += 10L * 100 * 160 + 10L * 160;   // HVC products and capsule lengths

        var flops = ModelFactory.FlopsPerImage("hvc", 1, 28, 28, 10);

        flops.Forward.Should().Be(2 * macs);
        flops.Training.Should().Be(3 * flops.Forward);
        (flops.Training / 1e9).Should().BeApproximately(0.94, 0.01);   // the figure in docs/ENVIRONMENT
    }

    [Fact]
    public void SmallModel_CostsAboutAnEighthOfThePaperModel()
    {
        var paper = ModelFactory.FlopsPerImage("hvc", 1, 28, 28, 10).Forward;
        var small = ModelFactory.FlopsPerImage("hvc-small", 1, 28, 28, 10).Forward;
        var cnn = ModelFactory.FlopsPerImage("cnn", 1, 28, 28, 10).Forward;

        ((double)paper / small).Should().BeGreaterThan(8);
        cnn.Should().BeLessThan(paper);
    }

    [Fact]
    public void FlopsPerImage_UnknownName_IsAUserError()
    {
        var act = () => ModelFactory.FlopsPerImage("vgg", 1, 28, 28, 10);

        act.Should().Throw<UserError>().WithMessage("*vgg*");
    }

    [Fact]
    public void Options_OverrideThePresetsDepthWidthAndGrowth()
    {
        var a = ModelFactory.Architecture("hvc:depth=7,first=16,growth=8");

        a.Should().Be(new LessData.Models.HvcArchitecture(7, 16, 8));
        ModelFactory.Architecture("hvc-small:growth=2").Should().Be(ModelFactory.Small with { Growth = 2 });
        using var model = ModelFactory.Create("hvc:depth=7,first=16,growth=8", 1, 28, 28, 10);
        // 7 convolutions leave 14x14 = 196 capsules of dimension 16 + 6·8 = 64
        ((LessData.Models.HvcNetwork)model).Capsules.Should().Be(196);
        ((LessData.Models.HvcNetwork)model).Dimension.Should().Be(64);
    }

    [Theory]
    [InlineData("hvc:depth=x", "whole number")]
    [InlineData("hvc:width=3", "unknown option 'width'")]
    [InlineData("cnn:depth=3", "cnn takes no options")]
    [InlineData("hvc:depth=0", "depth must be at least 1")]
    public void Options_Bad_AreUserErrors(string spec, string message)
    {
        var act = () => ModelFactory.Check(spec);

        act.Should().Throw<UserError>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void Bf16Option_SameParametersAndNames_OutputCloseToFp32OnTheSameWeights()
    {
        LessData.Native.TorchRuntime.EnsureLoaded();
        TorchSharp.torch.manual_seed(5);
        using var fp32 = ModelFactory.Create("hvc-small", 1, 28, 28, 10);
        using var bf16 = ModelFactory.Create("hvc-small:bf16", 1, 28, 28, 10);

        // Same parameter names and shapes, so the fp32 weights load into the bf16 model
        bf16.state_dict().Keys.Should().Equal(fp32.state_dict().Keys);
        bf16.load_state_dict(fp32.state_dict());
        using var x = TorchSharp.torch.rand(16, 1, 28, 28).mul_(2).sub_(1);
        fp32.train();
        bf16.train();
        using var a = fp32.forward(x);
        using var b = bf16.forward(x);

        // Then the outputs agree to bf16 precision (8 mantissa bits), and are not identical (bf16 really ran)
        b.dtype.Should().Be(TorchSharp.torch.ScalarType.Float32);
        double scale = a.abs().max().item<float>();
        double diff = (a - b).abs().max().item<float>();
        diff.Should().BeLessThan(0.05 * scale).And.BeGreaterThan(0);
    }
}
