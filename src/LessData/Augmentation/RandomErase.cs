using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// Base model's MNIST erasure: a 4x4 patch of every image is set to 0, its top-left corner uniform in
/// [4, H − 6] x [4, W − 6] (4 … 22 for 28x28), so the patch stays inside the central area where the ink is.
/// </summary>
internal static class RandomErase
{
    public const int Patch = 4;
    public const int Border = 4;

    public static Tensor Apply(Tensor unit, Generator generator)
    {
        long n = unit.shape[0], height = unit.shape[2], width = unit.shape[3];
        var top = RandomDraws.Integers(n, Border, Math.Max(Border, height - Patch - 2), generator);
        var left = RandomDraws.Integers(n, Border, Math.Max(Border, width - Patch - 2), generator);
        return unit * KeepMask(top, left, height, width).unsqueeze(1);
    }

    /// <summary>[B, H, W] float mask: 0 inside each image's patch, 1 elsewhere.</summary>
    public static Tensor KeepMask(Tensor top, Tensor left, long height, long width)
    {
        var rows = torch.arange(height).view(1, -1);
        var cols = torch.arange(width).view(1, -1);
        var inRows = rows.ge(top.view(-1, 1)).logical_and(rows.lt(top.view(-1, 1).add(RootedScalars.Of((long)Patch))));    // [B, H]
        var inCols = cols.ge(left.view(-1, 1)).logical_and(cols.lt(left.view(-1, 1).add(RootedScalars.Of((long)Patch))));  // [B, W]
        return inRows.unsqueeze(2).logical_and(inCols.unsqueeze(1)).logical_not().to(ScalarType.Float32);
    }
}
