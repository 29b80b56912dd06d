using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>A batch ready for the model: transformed images, labels and dataset indices (the loss weights come from the plan).</summary>
internal sealed class PreparedBatch(Tensor images, Tensor labels, Tensor indices, int count) : IDisposable
{
    public Tensor Images { get; } = images;
    public Tensor Labels { get; } = labels;
    public Tensor Indices { get; } = indices;
    public int Count { get; } = count;

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        Indices.Dispose();
    }
}
