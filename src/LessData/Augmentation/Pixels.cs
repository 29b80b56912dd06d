using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// Pixel scaling shared by every pipeline, as in the base model's code (Byerly et al.): stored bytes are divided by
/// 256 (so values lie in [0, 1)), augmentations work on that scale, and the result is centred with (x − 0.5)·2,
/// which puts every input in [−1, 1) with blank (0) pixels at −1.
/// </summary>
internal static class Pixels
{
    public static Tensor ToUnit(Tensor bytes)
    {
        if (bytes.dtype != ScalarType.Byte) throw new ArgumentException($"expected a uint8 batch, got {bytes.dtype}");
        if (bytes.dim() != 4) throw new ArgumentException($"expected a [B, C, H, W] batch, got [{string.Join(", ", bytes.shape)}]");
        return bytes.to(ScalarType.Float32).div_(RootedScalars.Of(256.0));
    }

    public static Tensor Centre(Tensor unit) => unit.sub(RootedScalars.Of(0.5)).mul_(RootedScalars.Of(2.0));
}
