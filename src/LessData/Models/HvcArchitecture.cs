namespace LessData.Models;

/// <summary>
/// The shape of the HVC capsule network (Byerly et al., "No Routing Needed Between Capsules", single branch):
/// <see cref="Depth"/> valid 3x3 convolutions whose widths start at <see cref="FirstWidth"/> and grow by
/// <see cref="Growth"/>. Every convolution trims 2 pixels from each spatial size, so the last feature map has
/// (H - 2·depth)·(W - 2·depth) positions; each becomes one primary capsule whose dimension is the last width.
/// <see cref="Bf16Convolutions"/> computes the convolutions in bfloat16 with fp32 master weights (off by default).
/// <see cref="BaseNorm"/> uses the base model's batch-norm (TensorFlow decay 0.9997 = PyTorch momentum 0.0003,
/// eps 1e-3, a learned shift β but no scale γ, plus a batch-norm on the logits); off = PyTorch's defaults (docs/models.md).
/// </summary>
internal sealed record HvcArchitecture(int Depth, int FirstWidth, int Growth, bool Bf16Convolutions = false, bool BaseNorm = false)
{
    /// <summary>The paper's network: 9 convolutions, widths 32, 48, …, 160.</summary>
    public static readonly HvcArchitecture Paper = new(9, 32, 16);

    /// <summary>Output channels of convolution i (0-based).</summary>
    public int Width(int layer) => FirstWidth + Growth * layer;

    /// <summary>Dimension of every primary and class capsule: the width of the last convolution.</summary>
    public int CapsuleDimension => Width(Depth - 1);

    /// <summary>Spatial size of the last feature map, or a UserError when the input is too small for the depth.</summary>
    public (int Height, int Width) FinalMap(int height, int width)
    {
        int h = height - 2 * Depth, w = width - 2 * Depth;
        if (h < 1 || w < 1)
            throw new UserError($"a {height}x{width} input is too small for {Depth} valid 3x3 convolutions "
                + $"(each trims 2 pixels, so the feature map would be {h}x{w}); use an input of at least "
                + $"{2 * Depth + 1}x{2 * Depth + 1} or a shallower model");
        return (h, w);
    }

    /// <summary>Number of primary capsules: the positions of the last feature map.</summary>
    public int PrimaryCapsules(int height, int width)
    {
        var (h, w) = FinalMap(height, width);
        return h * w;
    }

    internal void Validate()
    {
        if (Depth < 1) throw new UserError($"model depth must be at least 1 (got {Depth})");
        if (FirstWidth < 1) throw new UserError($"model first width must be at least 1 (got {FirstWidth})");
        if (Width(Depth - 1) < 1) throw new UserError($"model growth {Growth} makes a layer width below 1");
    }
}
