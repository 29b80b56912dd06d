using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>Per-image random parameters, drawn as tensors of size B from the caller's generator only.</summary>
internal static class RandomDraws
{
    /// <summary>Uniform in [low, high).</summary>
    public static Tensor Uniform(long count, double low, double high, Generator generator) =>
        torch.rand([count], generator: generator).mul_(RootedScalars.Of(high - low)).add_(RootedScalars.Of(low));

    /// <summary>Integers uniform in [low, highInclusive].</summary>
    public static Tensor Integers(long count, long low, long highInclusive, Generator generator) =>
        torch.randint(low, highInclusive + 1, [count], generator: generator);

    /// <summary>True with probability p.</summary>
    public static Tensor Coin(long count, double p, Generator generator) => torch.rand([count], generator: generator).lt(RootedScalars.Of(p));

    /// <summary>N(0, 0.33) clipped to (−0.9999, 0.9999): the base model's bounded "amount" draw.</summary>
    public static Tensor ClippedNormal(long count, Generator generator) =>
        torch.randn([count], generator: generator).mul_(RootedScalars.Of(0.33)).clamp_(RootedScalars.Of(-0.9999), RootedScalars.Of(0.9999));

    /// <summary>|N(0, 0.33)| clipped to [0, 0.9999): the base model's bounded magnitude draw.</summary>
    public static Tensor HalfNormal(long count, Generator generator) =>
        torch.randn([count], generator: generator).mul_(RootedScalars.Of(0.33)).abs_().clamp_max_(RootedScalars.Of(0.9999));
}
