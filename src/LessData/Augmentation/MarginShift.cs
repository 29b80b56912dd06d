using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// Base model's MNIST shift: each image moves by a whole number of pixels along each axis, in a random direction
/// (1/2 each), by a fraction |N(0, 0.33)| (below 1) of its blank margin on that side — so ink never leaves the frame.
/// Leftwards the shift is floor(−a·left) ≥ −left, rightwards floor(a·(1 + right)) ≤ right; the same for rows.
/// </summary>
internal static class MarginShift
{
    /// <summary>Per-image integer shifts [B] (positive = right / down) that keep every image's ink inside the frame.</summary>
    public static (Tensor Dx, Tensor Dy) Sample(Tensor unit, Generator generator)
    {
        long n = unit.shape[0];
        var bounds = InkBounds.Of(unit);
        var towardsEnd = RandomDraws.Coin(n * 2, 0.5, generator).view(2, n);
        var amount = RandomDraws.HalfNormal(n * 2, generator).view(2, n);
        var dx = Pick(towardsEnd[0], amount[0], bounds.Left, bounds.Right);
        var dy = Pick(towardsEnd[1], amount[1], bounds.Top, bounds.Bottom);
        return (dx, dy);
    }

    public static Tensor Apply(Tensor unit, Tensor dx, Tensor dy) =>
        AffineWarp.Apply(unit, AffineWarp.Translation(dx, dy, unit.shape[2], unit.shape[3]), GridSampleMode.Nearest);

    public static Tensor Apply(Tensor unit, Generator generator)
    {
        var (dx, dy) = Sample(unit, generator);
        return Apply(unit, dx, dy);
    }

    private static Tensor Pick(Tensor towardsEnd, Tensor amount, Tensor before, Tensor after)
    {
        var back = (amount.neg() * before.to(ScalarType.Float32)).floor_();
        var forward = (amount * after.to(ScalarType.Float32).add(RootedScalars.Of(1L))).floor_();
        return torch.where(towardsEnd, forward, back).to(ScalarType.Int64);
    }
}
