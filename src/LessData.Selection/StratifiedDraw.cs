namespace LessData.Selection;

/// <summary>
/// The one class-balanced draw: the budget is split across classes in proportion to their sizes (largest remainder,
/// ClassQuotas) and each class contributes the first quota of its own seeded permutation (stream = firstStream + class
/// position, in ascending label order). Used by the random selector's --stratify and by --train-limit/--test-limit.
/// </summary>
internal static class StratifiedDraw
{
    public static List<int> Draw(IReadOnlyList<int> labels, int budget, int seed, ulong firstStream, long epochKey)
    {
        var byClass = labels.Select((label, index) => (label, index)).GroupBy(x => x.label).OrderBy(g => g.Key)
            .Select(g => g.Select(x => x.index).ToArray()).ToArray();
        var quotas = ClassQuotas.Split(budget, byClass.Select(c => c.Length).ToArray());
        var chosen = new List<int>(budget);
        for (int c = 0; c < byClass.Length; c++)
        {
            var order = SeededRandom.For(seed, firstStream + (ulong)c, epochKey).Permutation(byClass[c].Length);
            chosen.AddRange(order[..quotas[c]].Select(i => byClass[c][i]));
        }
        return chosen;
    }
}
