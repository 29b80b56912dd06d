using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Tests.Native;

public sealed class RootedScalarsTests
{
    [Fact]
    public void Of_SameValue_IsTheSameLiveScalar_EvenAfterACollection()
    {
        var first = RootedScalars.Of(0.375);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        RootedScalars.Of(0.375).Should().BeSameAs(first);
        using var t = torch.ones(3).mul(first);
        t.data<float>().ToArray().Should().Equal(0.375f, 0.375f, 0.375f);
    }

    [Fact]
    public void Of_KeepsIntegralValuesIntegral_SoTypePromotionMatchesTheImplicitConversion()
    {
        using var integers = torch.tensor(new long[] { 1, 2 });

        using var plusLong = integers.add(RootedScalars.Of(1L));
        using var plusReal = integers.add(RootedScalars.Of(1.0));

        plusLong.dtype.Should().Be(ScalarType.Int64);
        plusReal.dtype.Should().Be(ScalarType.Float32);
        RootedScalars.Of(1L).Should().NotBeSameAs(RootedScalars.Of(1.0));
    }
}
