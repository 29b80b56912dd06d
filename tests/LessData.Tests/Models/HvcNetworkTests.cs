using LessData.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Tests.Models;

[Collection(SerialCollection.Name)]
public sealed class HvcNetworkTests
{
    [Theory]
    [InlineData("hvc", 1, 28, 28, 10)]
    [InlineData("hvc", 3, 32, 32, 10)]
    [InlineData("hvc-small", 1, 28, 28, 10)]
    [InlineData("hvc-small", 3, 32, 32, 5)]
    [InlineData("cnn", 1, 28, 28, 10)]
    [InlineData("cnn", 3, 32, 32, 10)]
    public void Forward_GivesOneLogitPerClass(string name, int channels, int height, int width, int classes)
    {
        using var scope = torch.NewDisposeScope();
        using var model = ModelFactory.Create(name, channels, height, width, classes);

        var logits = model.forward(torch.randn(2, channels, height, width));

        logits.shape.Should().Equal(2, classes);
        logits.dtype.Should().Be(ScalarType.Float32);
        logits.isfinite().all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public void PaperModel_PrimaryCapsules_AreTheLastFeatureMapPositions()
    {
        using var model = (HvcNetwork)ModelFactory.Create("hvc", 1, 28, 28, 10);

        model.Capsules.Should().Be(10 * 10);
        model.Dimension.Should().Be(160);
        model.Weight.shape.Should().Equal(10, 100, 160);
    }

    [Fact]
    public void PaperModel_ParameterCount_MatchesTheArchitectureFormula()
    {
        // Given the paper's architecture: 9 valid 3x3 convs of widths 32 + 16·i, HVC over 10x10 capsules of dim 160
        long expected = 0;
        int inChannels = 1;
        for (int i = 0; i < 9; i++)
        {
            int width = 32 + 16 * i;
            expected += 9L * inChannels * width;   // conv weights, no bias
            expected += 2L * width;                // batch-norm scale and shift
            inChannels = width;
        }
        int capsules = (28 - 2 * 9) * (28 - 2 * 9);
        expected += 10L * capsules * 160;          // HVC weights W[class, capsule, dim]
        expected += 2L * 160;                      // class-capsule batch-norm scale and shift

        // When the model is built
        using var model = ModelFactory.Create("hvc", 1, 28, 28, 10);

        // Then its trainable parameters are exactly those
        ModelFactory.ParameterCount(model).Should().Be(expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ClassCapsules_AreTheSumOverCapsulesOfElementwiseProducts_NormalizedPerDimension(bool oneDnnOff)
    {
        using var path = Native.ConvPath.Use(oneDnnOff);
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(11);
        using var model = (HvcNetwork)ModelFactory.Create("hvc-small", 1, 24, 24, 4);
        model.train();
        var x = torch.randn(3, 1, 24, 24);

        // Naive definition: v[b,c,d] = Σ_p u[b,p,d]·W[c,p,d]; batch-norm per d over batch and classes; ReLU; length.
        var u = model.Features.forward(x).flatten(2).transpose(1, 2);          // [B, P, D]
        var v = (u.unsqueeze(1) * model.Weight.unsqueeze(0)).sum(2);           // [B, C, D]
        var mean = v.mean([0, 1], keepdim: true);
        var variance = v.var([0, 1], unbiased: false, keepdim: true);
        var expected = nn.functional.relu((v - mean) / (variance + 1e-5).sqrt()).norm(2);

        var actual = model.forward(x);

        actual.allclose(expected, rtol: 1e-4, atol: 1e-5).Should().BeTrue();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FewAdamSteps_ReduceTheLossOnAFixedBatch(bool oneDnnOff)
    {
        using var path = Native.ConvPath.Use(oneDnnOff);
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        using var model = ModelFactory.Create("hvc-small", 1, 20, 20, 4);
        using var optimizer = torch.optim.Adam(model.parameters(), 0.01);
        var x = torch.randn(8, 1, 20, 20);
        var y = torch.tensor(new long[] { 0, 1, 2, 3, 0, 1, 2, 3 });
        model.train();

        double first = 0, last = 0;
        for (int step = 0; step < 8; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(x), y);
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }

        double.IsFinite(last).Should().BeTrue();
        last.Should().BeLessThan(first * 0.9);
    }

    [Theory]
    [InlineData("hvc-small", false)]
    [InlineData("cnn", false)]
    [InlineData("hvc-small", true)]
    [InlineData("cnn", true)]
    public void SameSeed_SameOutputs_OtherSeed_OtherOutputs(string name, bool oneDnnOff)
    {
        using var path = Native.ConvPath.Use(oneDnnOff);
        using var scope = torch.NewDisposeScope();
        var x = torch.linspace(-1, 1, 2 * 22 * 22).view(2, 1, 22, 22);

        Tensor Run(int seed)
        {
            torch.manual_seed(seed);
            using var model = ModelFactory.Create(name, 1, 22, 22, 3);
            model.eval();
            using var _ = torch.no_grad();
            return model.forward(x);
        }

        Run(5).eq(Run(5)).all().item<bool>().Should().BeTrue();
        Run(5).eq(Run(6)).all().item<bool>().Should().BeFalse();
    }

    [Fact]
    public void UnknownName_IsAUserErrorListingTheKnownModels()
    {
        var act = () => ModelFactory.Create("resnet", 1, 28, 28, 10);

        act.Should().Throw<UserError>().WithMessage("*resnet*hvc*hvc-small*cnn*");
    }

    [Fact]
    public void InputTooSmallForTheDepth_IsAUserError()
    {
        var act = () => ModelFactory.Create("hvc", 1, 18, 28, 10);

        act.Should().Throw<UserError>().WithMessage("*18x28*too small*9*");
    }

    [Fact]
    public void BaseNorm_UsesTheBaseModelsSettings_BetaOnly_AndNormsTheLogits()
    {
        // Given the base model's batch-norm option and today's default
        using var based = (HvcNetwork)ModelFactory.Create("hvc-small:bn=base", 1, 28, 28, 10);
        using var plain = (HvcNetwork)ModelFactory.Create("hvc-small", 1, 28, 28, 10);

        // Then every norm has momentum 0.0003 and eps 1e-3, γ is frozen (β learns), and the logits get a norm
        var norms = based.modules().OfType<TorchSharp.Modules.BatchNorm>().ToList();
        norms.Should().HaveCount(9 + 2, "9 conv norms, the class-capsule norm and the logit norm");
        norms.Should().OnlyContain(n => Math.Abs(n.momentum!.Value - 0.0003) < 1e-12 && Math.Abs(n.eps - 1e-3) < 1e-12);
        norms.Should().OnlyContain(n => !n.weight!.requires_grad && n.bias!.requires_grad);
        plain.modules().OfType<TorchSharp.Modules.BatchNorm>().Should().HaveCount(9 + 1);
        plain.modules().OfType<TorchSharp.Modules.BatchNorm>().Should().OnlyContain(n => n.weight!.requires_grad);
        long plainGammas = plain.modules().OfType<TorchSharp.Modules.BatchNorm>().Sum(n => n.weight!.numel());
        ModelFactory.ParameterCount(based).Should().Be(ModelFactory.ParameterCount(plain) - plainGammas + 10,
            "every γ is frozen, and the logit norm adds its β (10 classes)");
        using var scope = torch.NewDisposeScope();
        based.forward(torch.randn(3, 1, 28, 28)).shape.Should().Equal(3, 10);
    }

    [Theory]
    [InlineData("hvc:bn=weird", "*bn must be base*")]
    [InlineData("hvc:colour=1", "*unknown option*bn=base|torch*")]
    public void BadNormOption_IsAUserError(string spec, string message)
    {
        var act = () => ModelFactory.Check(spec);

        act.Should().Throw<UserError>().WithMessage(message);
    }
}
