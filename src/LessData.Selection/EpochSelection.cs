namespace LessData.Selection;

/// <summary>A selector's answer for one epoch: the indices trained on (no duplicates) and optional per-index loss weights (null = all 1).</summary>
public sealed class EpochSelection
{
    /// <summary>Creates a selection.</summary>
    public EpochSelection(int[] indices, float[]? weights = null)
    {
        Indices = indices;
        Weights = weights;
    }

    /// <summary>Dataset indices, each at most once.</summary>
    public int[] Indices { get; }

    /// <summary>Loss weight of each index, parallel to Indices, or null for all 1.</summary>
    public float[]? Weights { get; }
}
