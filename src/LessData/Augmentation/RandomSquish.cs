using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// Base model's MNIST "squish": each image is narrowed horizontally by w = floor(a·W/4) + 1 pixels
/// (a = |N(0, 0.33)| below 1, so 1 … W/4 pixels) and placed w/2 + (0 or 1) pixels from the left edge; the freed
/// columns are blank. The base model resizes with Lanczos-3; here the narrowing is one bilinear affine resample.
/// </summary>
internal static class RandomSquish
{
    public static Tensor Apply(Tensor unit, Generator generator)
    {
        long n = unit.shape[0], width = unit.shape[3];
        var amounts = RandomDraws.HalfNormal(n * 2, generator).view(2, n);
        var narrowBy = amounts[0].mul(RootedScalars.Of(width / 4.0)).floor_().add_(RootedScalars.Of(1L));           // w
        var offset = narrowBy.div(RootedScalars.Of(2L)).floor_() + amounts[1].mul(RootedScalars.Of(2L)).floor_();        // w // 2 + (0 or 1)
        // Output column x (normalized) shows input column s·x + t, where s = W / (W − w) stretches the narrowed
        // content back and t puts its left edge at the offset.
        var scale = narrowBy.neg().add_(RootedScalars.Of(width)).reciprocal_().mul_(RootedScalars.Of(width));
        var shift = scale.sub(RootedScalars.Of(1L)) - (scale * offset).mul_(RootedScalars.Of(2.0 / width));
        var zero = torch.zeros(n);
        var one = torch.ones(n);
        return AffineWarp.Apply(unit, AffineWarp.Theta(scale, zero, shift, zero, one, zero));
    }
}
