namespace LessData.Selection;

/// <summary>
/// Everything a selector's decision may depend on. Labels are given for stratification; Scores (one per sample,
/// latest training loss, +inf when never seen) for value-based selectors.
/// </summary>
public sealed record SelectionRequest(
    int Epoch,
    int TotalEpochs,
    int DatasetSize,
    int Budget,
    int Seed,
    SubsetPolicy Policy,
    bool Stratify = false,
    IReadOnlyList<int>? Labels = null,
    IReadOnlyList<float>? Scores = null);

/// <summary>The indices trained on this epoch (no duplicates), and optional per-index loss weights (null = all 1).</summary>
public sealed record Selection(int[] Indices, float[]? Weights = null);

/// <summary>A selector decides WHICH images fill the schedule's budget. Pure: the same request gives the same selection.</summary>
public interface ISelector
{
    string Name { get; }
    Selection Select(SelectionRequest request);
}
