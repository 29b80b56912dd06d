namespace LessData.Selection;

/// <summary>
/// How score-based selectors read the per-sample scores (latest training loss). Unseen samples hold +inf, and NaN
/// (a diverged step) counts as unseen, so both rank as hardest. Ties are broken by a seeded order, so the ranking is a
/// pure function of (scores, seed, epoch).
/// </summary>
internal static class LossScores
{
    public static float Key(IReadOnlyList<float>? scores, int index) =>
        scores is null || float.IsNaN(scores[index]) ? float.PositiveInfinity : scores[index];

    /// <summary>Indices 0..n-1, hardest (highest score) first; ties in a seeded random order.</summary>
    public static int[] HardestFirst(IReadOnlyList<float>? scores, int n, int seed, ulong stream, int epoch)
    {
        var tieRank = new int[n];
        var shuffled = SeededRandom.For(seed, stream, epoch).Permutation(n);
        for (int position = 0; position < n; position++) tieRank[shuffled[position]] = position;
        var keys = new float[n];
        for (int i = 0; i < n; i++) keys[i] = Key(scores, i);
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : tieRank[a].CompareTo(tieRank[b]));
        return order;
    }

    /// <summary>The mean of the seen (finite) scores, or null when nothing has been seen yet.</summary>
    public static double? SeenMean(IReadOnlyList<float>? scores, int n)
    {
        if (scores is null) return null;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            float s = scores[i];
            if (!float.IsFinite(s)) continue;
            sum += s;
            count++;
        }
        return count == 0 ? null : sum / count;
    }
}
