namespace LessData.Selection;

/// <summary>
/// RS2 without replacement (Okanovic et al., ICLR 2024): one seeded random order of the training set is consumed in
/// consecutive chunks of each epoch's budget, and a fresh seeded order starts when it runs out, so every image is seen
/// once before any is seen twice (<see cref="PermutationWalk"/>). The random selector's redraw policy is NOT this: it
/// draws an independent subset every epoch (with replacement across epochs). Stratify: each class walks its own
/// permutation in chunks of its share of the budget (largest remainder, as random's). The subset policy does not
/// apply. The schedule sets every epoch's size, so evaluations are the schedule's. docs/methods/rs2.md.
/// </summary>
internal sealed class Rs2Selector : ISelector
{
    private const ulong Stream = 0x52_5302;
    private readonly Dictionary<(int N, int Seed, ulong Stream), PermutationWalk> _walks = [];

    public string Spec => "rs2";

    public EpochSelection Select(SelectionRequest r)
    {
        if (r.Budget < 0 || r.Budget > r.DatasetSize)
            throw new ArgumentOutOfRangeException(nameof(r), $"budget {r.Budget} is outside [0, {r.DatasetSize}]");
        var budgets = Budgets(r);
        if (!r.Stratify || r.Labels is null) return new EpochSelection(Chunk(r.DatasetSize, r.Seed, Stream, budgets));

        var byClass = r.Labels.Select((label, index) => (label, index)).GroupBy(x => x.label).OrderBy(g => g.Key)
            .Select(g => g.Select(x => x.index).ToArray()).ToArray();
        var sizes = byClass.Select(c => c.Length).ToArray();
        var quotas = budgets.Select(b => ClassQuotas.Split(b, sizes)).ToArray();
        var chosen = new List<int>(r.Budget);
        for (int c = 0; c < byClass.Length; c++)
        {
            var classBudgets = quotas.Select(q => q[c]).ToArray();
            chosen.AddRange(Chunk(sizes[c], r.Seed, Stream + 1 + (ulong)c, classBudgets).Select(i => byClass[c][i]));
        }
        return new EpochSelection([.. chosen]);
    }

    /// <summary>The budgets of epochs 0..r.Epoch: earlier ones from the schedule, this one from the request.</summary>
    private static int[] Budgets(SelectionRequest r)
    {
        var budgets = new int[r.Epoch + 1];
        for (int e = 0; e < r.Epoch; e++)
            budgets[e] = r.Schedule?.ImagesAt(e, r.TotalEpochs, r.DatasetSize) ?? r.Budget;
        budgets[r.Epoch] = r.Budget;
        return budgets;
    }

    private int[] Chunk(int n, int seed, ulong stream, int[] budgets)
    {
        lock (_walks)
        {
            if (!_walks.TryGetValue((n, seed, stream), out var walk))
            {
                if (_walks.Count > 64) _walks.Clear(); // a cache only: replaying from pass 0 gives the same chunk
                _walks[(n, seed, stream)] = walk = new PermutationWalk(n, seed, stream);
            }
            return walk.Chunk(budgets);
        }
    }
}
