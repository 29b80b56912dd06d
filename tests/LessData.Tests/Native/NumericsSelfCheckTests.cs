using LessData.Models;
using LessData.Native;
using LessData.Provenance;
using LessData.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Tests.Native;

/// <summary>
/// The numerics self-check against its definition: fp32 convolutions within 1e-3 (relative to the largest value) of
/// float64, the repair (oneDNN off) and its record. Nothing here depends on this machine computing right with oneDNN:
/// the faulty case is injected, and the fallback path is forced.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class NumericsSelfCheckTests
{
    private static readonly ConvolutionShape[] s_hvcSmall = [new(1, 8, 3, 3), new(8, 12, 3, 3), new(12, 16, 3, 3), new(36, 40, 3, 3)];

    [Fact]
    public void OneDnnSwitch_IsReachable_AndRoundTrips()
    {
        OneDnn.IsAvailable.Should().BeTrue("libtorch_cpu on Linux exports at::Context::setUserEnabledMkldnn");
        bool before = OneDnn.Enabled;
        try
        {
            OneDnn.Enabled = false;
            OneDnn.Enabled.Should().BeFalse();
            OneDnn.Enabled = true;
            OneDnn.Enabled.Should().BeTrue();
        }
        finally { OneDnn.Enabled = before; }
    }

    [Fact]
    public void Probe_WithOneDnnOff_MatchesFloat64_OnTailAndModelShapes()
    {
        using var path = ConvPath.Use(oneDnnOff: true);

        var probe = ConvolutionProbe.Run(ConvolutionShape.Tails.Concat(s_hvcSmall));

        probe.OneDnnEnabled.Should().BeFalse();
        probe.ShapesChecked.Should().Be(ConvolutionShape.Tails.Concat(s_hvcSmall).Distinct().Count());
        probe.MaxRelativeError.Should().BeLessThan(1e-4, "fp32 rounding over a few hundred terms is ~1e-6 of the largest value");
        probe.Passed(NumericsSelfCheck.DefaultTolerance).Should().BeTrue();
    }

    [Fact]
    public void EnsureCorrect_LeavesThisMachineCorrect_WhicheverPathItTakes()
    {
        bool before = OneDnn.Enabled;
        try
        {
            var report = NumericsSelfCheck.EnsureCorrect(s_hvcSmall);

            report.Correct.Should().BeTrue(report.Summary);
            report.Final.MaxRelativeError.Should().BeLessThanOrEqualTo(NumericsSelfCheck.DefaultTolerance);
            if (report.Action == NumericsAction.None) OneDnn.Enabled.Should().Be(before);
            else OneDnn.Enabled.Should().BeFalse("the repair turns oneDNN off");
        }
        finally { OneDnn.Enabled = before; }
    }

    [Fact]
    public void FaultyProbe_TurnsOneDnnOff_ProbesAgain_AndSaysSo()
    {
        bool before = OneDnn.Enabled;
        OneDnn.Enabled = true;
        try
        {
            var probes = new List<bool>();
            ConvolutionProbe Fake(IReadOnlyList<ConvolutionShape> shapes)
            {
                probes.Add(OneDnn.Enabled);
                return OneDnn.Enabled ? new ConvolutionProbe(double.PositiveInfinity, "20→16 (3×3) forward", shapes.Count, true) : ConvolutionProbe.Run(shapes);
            }

            var report = NumericsSelfCheck.EnsureCorrect(s_hvcSmall, NumericsSelfCheck.DefaultTolerance, Fake);

            probes.Should().Equal([true, false], "one probe as found, one after the repair");
            report.Action.Should().Be(NumericsAction.OneDnnDisabled);
            report.Correct.Should().BeTrue();
            OneDnn.Enabled.Should().BeFalse();
            report.Summary.Should().Contain("oneDNN turned off").And.Contain("NaN/inf at 20→16 (3×3) forward");
            var record = NumericsRecord.From(report);
            record.Result.Should().Be("repaired");
            record.OneDnn.Should().BeFalse();
            record.FirstError.Should().BeNull("an infinite error is recorded as null, never as a JSON number");
        }
        finally { OneDnn.Enabled = before; }
    }

    [Fact]
    public void Guard_RecordsTheRepair_InProvenanceAndHardwareClass_AndRefusesWhatStaysWrong()
    {
        bool before = OneDnn.Enabled;
        NumericsGuard.Reset();
        try
        {
            OneDnn.Enabled = true;
            NumericsReport Faulty(IEnumerable<ConvolutionShape> shapes, double tolerance) =>
                NumericsSelfCheck.EnsureCorrect(shapes, tolerance, s => OneDnn.Enabled
                    ? new ConvolutionProbe(0.4, "8→12 (3×3) input gradient", s.Count, true) : ConvolutionProbe.Run(s));

            NumericsGuard.Ensure(s_hvcSmall, Faulty).Action.Should().Be(NumericsAction.OneDnnDisabled);

            ProvenanceCollector.Collect("test").Numerics!.Result.Should().Be("repaired");
            HardwareInfo.Describe("cpu", 1).Should().EndWith("; oneDNN off (numerics self-check)");

            NumericsGuard.Reset();
            NumericsReport Broken(IEnumerable<ConvolutionShape> shapes, double tolerance) =>
                NumericsSelfCheck.EnsureCorrect(shapes, tolerance, s => new ConvolutionProbe(0.4, "8→12 (3×3) forward", s.Count, OneDnn.Enabled));
            OneDnn.Enabled = true;
            var refuse = () => NumericsGuard.Ensure(s_hvcSmall, Broken);
            refuse.Should().Throw<UserError>().WithMessage("*stay wrong with oneDNN off*refusing to train*");
        }
        finally
        {
            NumericsGuard.Reset();
            OneDnn.Enabled = before;
        }
    }

    [Theory]
    [InlineData("hvc-small", false)]
    [InlineData("hvc-small", true)]
    [InlineData("hvc", false)]
    [InlineData("hvc", true)]
    [InlineData("cnn", false)]
    [InlineData("cnn", true)]
    [InlineData("resnet20", false)]
    [InlineData("resnet20", true)]
    public void Model_Fp32Forward_MatchesItsFloat64Copy(string name, bool oneDnnOff)
    {
        using var path = ConvPath.Use(oneDnnOff);
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        using var model = ModelFactory.Create(name, 1, 28, 28, 10);
        model.eval();
        var x = torch.randn(4, 1, 28, 28);
        using var noGrad = torch.no_grad();
        var y32 = model.forward(x).to(ScalarType.Float64);

        // The same weights in float64 (no oneDNN there): built with float64 as the default type, then loaded.
        var defaultType = torch.get_default_dtype();
        torch.set_default_dtype(ScalarType.Float64);
        nn.Module<Tensor, Tensor> reference;
        try { reference = ModelFactory.Create(name, 1, 28, 28, 10); }
        finally { torch.set_default_dtype(defaultType); }
        using var _ = reference;
        foreach (var (key, value) in reference.state_dict()) value.copy_(model.state_dict()[key]);
        reference.eval();
        var y64 = reference.forward(x.to(ScalarType.Float64));
        y64.dtype.Should().Be(ScalarType.Float64);

        double error = (y32 - y64).abs().max().item<double>() / y64.abs().max().item<double>();
        error.Should().BeLessThan(1e-3, $"{name} in fp32 computes what it computes in float64");
    }
}
