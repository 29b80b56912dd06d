using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// Base model's MNIST rotation: with probability 1/2 an image is rotated about its centre by
/// 30° · clip(N(0, 0.33), ±0.9999), i.e. usually within ±10°, never beyond ±30°; bilinear, blank (0) corners.
/// </summary>
internal static class RandomRotation
{
    public const double MaxDegrees = 30;

    public static Tensor Apply(Tensor unit, Generator generator)
    {
        long n = unit.shape[0];
        var amount = RandomDraws.ClippedNormal(n, generator);
        var rotate = RandomDraws.ClippedNormal(n, generator).le(RootedScalars.Of(0L));   // the base model rotates when this draw is ≤ 0
        var radians = torch.where(rotate, amount.mul(RootedScalars.Of(MaxDegrees * Math.PI / 180)), torch.zeros_like(amount));
        return AffineWarp.Apply(unit, AffineWarp.Rotation(radians, unit.shape[2], unit.shape[3]));
    }
}
