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
}
