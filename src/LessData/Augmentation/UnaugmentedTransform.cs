using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>Augmentation switched off: training batches get the deterministic test-time transform.</summary>
internal sealed class UnaugmentedTransform(IBatchTransform inner) : IBatchTransform
{
    public (int Channels, int Height, int Width) OutputShape => inner.OutputShape;

    public Tensor Train(Tensor batch, Generator generator) => inner.Test(batch);

    public Tensor Test(Tensor batch) => inner.Test(batch);
}
