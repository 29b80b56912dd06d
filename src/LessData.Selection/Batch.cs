namespace LessData.Selection;

/// <summary>One training batch: dataset indices and optional per-sample loss weights (null = all 1). Read-only.</summary>
public sealed class Batch
{
    /// <summary>Creates a batch over the given arrays (not copied: do not change them afterwards).</summary>
    public Batch(int[] indices, float[]? weights)
    {
        ArgumentNullException.ThrowIfNull(indices);
        Indices = Array.AsReadOnly(indices);
        Weights = weights is null ? null : Array.AsReadOnly(weights);
    }

    /// <summary>Dataset indices in this batch.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>Loss weight of each index, parallel to <see cref="Indices"/>, or null for all 1.</summary>
    public IReadOnlyList<float>? Weights { get; }

    /// <summary>Images in this batch.</summary>
    public int Count => Indices.Count;
}
