using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>A batch ready for the model: transformed images, labels, dataset indices and optional loss weights.</summary>
public sealed class PreparedBatch(Tensor images, Tensor labels, Tensor indices, Tensor? weights, int count) : IDisposable
{
    public Tensor Images { get; } = images;
    public Tensor Labels { get; } = labels;
    public Tensor Indices { get; } = indices;
    public Tensor? Weights { get; } = weights;
    public int Count { get; } = count;

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        Indices.Dispose();
        Weights?.Dispose();
    }
}
