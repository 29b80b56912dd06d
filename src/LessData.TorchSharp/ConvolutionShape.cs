using TorchSharp;

namespace LessData.Torch;

/// <summary>The channels and kernel of one 2-D convolution, as the numerics self-check probes it.</summary>
/// <param name="InChannels">Input channels (per group).</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="KernelHeight">Kernel height.</param>
/// <param name="KernelWidth">Kernel width.</param>
public sealed record ConvolutionShape(int InChannels, int OutChannels, int KernelHeight, int KernelWidth)
{
    /// <summary>
    /// Channel counts just off the blocks oneDNN uses (8 with AVX2, 16 with AVX-512), in and out, forward and backward:
    /// the counts that a faulty oneDNN build gets wrong while it computes multiples of the block right.
    /// </summary>
    public static IReadOnlyList<ConvolutionShape> Tails { get; } =
    [
        new(20, 16, 3, 3), new(8, 12, 3, 3), new(12, 20, 3, 3), new(3, 24, 3, 3), new(16, 10, 1, 1),
    ];

    /// <summary>The shapes of a model's 2-D convolutions: every 4-D parameter, read as [out, in, kh, kw].</summary>
    public static IReadOnlyList<ConvolutionShape> Of(torch.nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var shapes = new List<ConvolutionShape>();
        foreach (var (_, p) in model.named_parameters())
            if (p.dim() == 4)
                shapes.Add(new((int)p.shape[1], (int)p.shape[0], (int)p.shape[2], (int)p.shape[3]));
        return [.. shapes.Distinct()];
    }

    /// <inheritdoc/>
    public override string ToString() => $"{InChannels}→{OutChannels} ({KernelHeight}×{KernelWidth})";
}
