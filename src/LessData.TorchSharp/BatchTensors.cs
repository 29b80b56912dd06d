using LessData.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Torch;

/// <summary>A batch's dataset indices as the int64 tensor that <c>index_select</c> and <see cref="SelectionLoss.Compute"/> take.</summary>
public static class BatchTensors
{
    /// <summary>
    /// The batch's dataset indices as a 1-D int64 tensor, on <paramref name="device"/> (null: the CPU). Select your
    /// images and labels with it, and pass it to <see cref="SelectionLoss.Compute"/>.
    /// </summary>
    public static Tensor IndexTensor(this Batch batch, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var indices = batch.Indices;
        var values = new long[indices.Count];
        for (int k = 0; k < values.Length; k++) values[k] = indices[k];
        return torch.tensor(values, device: device);
    }
}
