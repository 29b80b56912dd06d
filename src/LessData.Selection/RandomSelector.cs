namespace LessData.Selection;

/// <summary>
/// The paper's selection: images excluded at random. Redraw: a permutation seeded by (seed, epoch), first Budget
/// indices. Nested: one permutation seeded by the seed alone, first Budget indices, so smaller budgets are subsets of
/// larger ones (Data Cut's cuts 1..k). Stratify: the budget is split across classes in proportion to their sizes
/// (largest remainder) and each class is taken from its own seeded permutation, with the same policy.
/// </summary>
internal sealed class RandomSelector : ISelector
{
    private const ulong Stream = 0x5E1EC7;

    public string Spec => "random";

    public bool IsRandom => true;

    public EpochSelection Select(SelectionRequest r)
    {
        if (r.Budget < 0 || r.Budget > r.DatasetSize)
            throw new ArgumentOutOfRangeException(nameof(r), $"budget {r.Budget} is outside [0, {r.DatasetSize}]");
        long epochKey = r.Policy == SubsetPolicy.Nested ? -1 : r.Epoch;
        if (!r.Stratify || r.Labels is null)
            return new EpochSelection(SeededRandom.For(r.Seed, Stream, epochKey).Permutation(r.DatasetSize)[..r.Budget]);

        return new EpochSelection([.. StratifiedDraw.Draw(r.Labels, r.Budget, r.Seed, Stream + 1, epochKey)]);
    }
}
