using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// A pipeline followed by per-channel standardisation. The inner pipeline outputs x = (u − 0.5)·2; this returns
/// (u − mean) / std = (x − (2·mean − 1)) / (2·std), for training and test alike.
/// </summary>
internal sealed class NormalizedTransform : IBatchTransform
{
    private readonly IBatchTransform _inner;
    private readonly float[] _shift;
    private readonly float[] _scale;

    public NormalizedTransform(IBatchTransform inner, ChannelNormalization stats)
    {
        _inner = inner;
        Stats = stats;
        _shift = stats.Mean.Select(m => (float)(2 * m - 1)).ToArray();
        _scale = stats.Std.Select(s => (float)(2 * s)).ToArray();
    }

    public ChannelNormalization Stats { get; }

    public (int Channels, int Height, int Width) OutputShape => _inner.OutputShape;

    public Tensor Train(Tensor batch, Generator generator) => Standardise(_inner.Train(batch, generator));

    public Tensor Test(Tensor batch) => Standardise(_inner.Test(batch));

    private Tensor Standardise(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        using var shift = torch.tensor(_shift).view(1, -1, 1, 1);
        using var scale = torch.tensor(_scale).view(1, -1, 1, 1);
        return x.sub(shift).div_(scale).MoveToOuterDisposeScope();
    }
}
