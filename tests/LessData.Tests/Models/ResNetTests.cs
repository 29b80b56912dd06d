using LessData.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Tests.Models;

public sealed class ResNetTests
{
    [Theory]
    // He et al. 2016, Table 6: ResNet-20 has 0.27 M parameters (269,722 with option A shortcuts, 3 channels, 10 classes).
    [InlineData("resnet20", 3, 269_722)]
    // The CIFAR ResNet-18 (kuangliu/pytorch-cifar, InfoBatch's CIFAR-10 model): 11,173,962 parameters (≈ 11.2 M).
    [InlineData("resnet18", 3, 11_173_962)]
    // One input channel: the stem loses (3 − 1) · 9 · width weights.
    [InlineData("resnet20", 1, 269_722 - 2 * 9 * 16)]
    public void ParameterCount_MatchesThePublishedFigure(string name, int channels, long expected)
    {
        using var model = ModelFactory.Create(name, channels, 32, 32, 10);

        ModelFactory.ParameterCount(model).Should().Be(expected);
    }

    [Theory]
    // ResNet-20: ≈ 41 M multiply-adds on 32x32 (commonly quoted as 41 MFLOPs, counting a multiply-add once).
    [InlineData("resnet20", 40.5e6, 41.0e6)]
    // CIFAR ResNet-18: ≈ 0.56 G multiply-adds on 32x32.
    [InlineData("resnet18", 0.55e9, 0.56e9)]
    public void MultiplyAdds_OnCifar_MatchThePublishedFigure(string name, double low, double high)
    {
        double macs = ModelFactory.FlopsPerImage(name, 3, 32, 32, 10).Forward / 2.0;

        macs.Should().BeInRange(low, high);
    }

    [Fact]
    public void ResNet20_AnySizeAndChannels_GivesLogitsPerClass()
    {
        using var model = ModelFactory.Create("resnet20", 1, 28, 20, 7);
        using var x = torch.randn(2, 1, 28, 20);

        using var y = model.forward(x);

        y.shape.Should().Equal(2, 7);
    }

    [Fact]
    public void StateDictNames_MatchThePyTorchDefinitions()
    {
        using var r18 = ModelFactory.Create("resnet18", 3, 32, 32, 10);
        using var r20 = ModelFactory.Create("resnet20", 3, 32, 32, 10);

        r18.state_dict().Keys.Should().Contain(["conv1.weight", "bn1.running_mean", "layer1.0.conv1.weight", "layer2.0.shortcut.0.weight",
            "layer2.0.shortcut.1.bias", "layer4.1.bn2.weight", "linear.weight", "linear.bias"]);
        r20.state_dict().Keys.Should().Contain(["layer3.2.conv2.weight", "linear.weight"])
            .And.NotContain(k => k.Contains("shortcut"), "option A shortcuts have no parameters");
    }

    [Fact]
    public void EvaluatedWeights_AreTheEmaForCapsulesAndCnn_TrainedForResNets()
    {
        ModelFactory.EvaluatesAverage("hvc-small").Should().BeTrue();
        ModelFactory.EvaluatesAverage("cnn").Should().BeTrue();
        ModelFactory.EvaluatesAverage("resnet20").Should().BeFalse();
    }
}
