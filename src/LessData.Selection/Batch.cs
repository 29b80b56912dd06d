namespace LessData.Selection;

/// <summary>One training batch: dataset indices and optional per-sample loss weights (null = all 1).</summary>
public sealed class Batch
{
    /// <summary>Creates a batch.</summary>
    public Batch(int[] indices, float[]? weights)
    {
        Indices = indices;
        Weights = weights;
    }

    /// <summary>Dataset indices in this batch.</summary>
    public int[] Indices { get; }

    /// <summary>Loss weight of each index, or null for all 1.</summary>
    public float[]? Weights { get; }
}
