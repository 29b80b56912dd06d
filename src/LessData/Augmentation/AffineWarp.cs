using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// Per-image affine resampling of a batch with affine_grid/grid_sample (align_corners = false, zeros outside).
/// theta maps normalized OUTPUT coordinates (−1…1 across the image's edges) to normalized INPUT coordinates, so every
/// builder here describes the inverse of the visible motion.
/// </summary>
internal static class AffineWarp
{
    public static Tensor Apply(Tensor images, Tensor theta, GridSampleMode mode = GridSampleMode.Bilinear)
    {
        var grid = nn.functional.affine_grid(theta, images.shape, align_corners: false);
        return nn.functional.grid_sample(images, grid, mode, GridSamplePaddingMode.Zeros, align_corners: false);
    }

    /// <summary>Rows of a [B, 2, 3] theta from six [B] tensors (or scalars broadcast to B).</summary>
    public static Tensor Theta(Tensor a, Tensor b, Tensor c, Tensor d, Tensor e, Tensor f) =>
        torch.stack([a, b, c, d, e, f], 1).view(-1, 2, 3).to(ScalarType.Float32);

    /// <summary>Rotation about the image centre by the given angles (radians), for H x W images.</summary>
    public static Tensor Rotation(Tensor radians, long height, long width)
    {
        var cos = radians.cos();
        var sin = radians.sin();
        var zero = torch.zeros_like(radians);
        double hw = (double)height / width, wh = (double)width / height;
        return Theta(cos, sin.mul(RootedScalars.Of(hw)), zero, sin.neg().mul_(RootedScalars.Of(wh)), cos, zero);
    }

    /// <summary>Integer translation by (dx, dy) pixels (positive = content moves right/down).</summary>
    public static Tensor Translation(Tensor dx, Tensor dy, long height, long width)
    {
        var one = torch.ones(dx.shape);
        var zero = torch.zeros(dx.shape);
        return Theta(one, zero, dx.to(ScalarType.Float32).mul(RootedScalars.Of(-2.0 / width)), zero, one, dy.to(ScalarType.Float32).mul(RootedScalars.Of(-2.0 / height)));
    }
}
