namespace LessData.Selection;

/// <summary>
/// SeTa's grouping: k-means on the 1-D latest losses of some samples, groups ordered easy → hard (by centre). In one
/// dimension k-means' clusters are intervals of the sorted losses, so we solve it exactly: the partition of the
/// distinct sorted values into k intervals with the least within-group sum of squares, by dynamic programming
/// (Wang &amp; Song's Ckmeans.1d.dp; divide and conquer over the monotone split points). Equal losses never split.
/// Unseen samples (+inf, NaN) have no loss to cluster: they join the hardest group, as <see cref="LossScores"/> ranks
/// them hardest. With fewer distinct seen losses than k (e.g. none yet) the samples, sorted by loss with ties in the
/// given order, are cut into k contiguous chunks whose sizes differ by at most one (the public code's fallback when
/// all losses are equal). Pure: the members' order only breaks ties.
/// </summary>
internal static class LossGroups
{
    public static int[][] Split(IReadOnlyList<int> members, IReadOnlyList<float>? scores, int groups)
    {
        if (groups < 1) throw new ArgumentOutOfRangeException(nameof(groups), $"groups must be at least 1 (got {groups})");
        var position = Enumerable.Range(0, members.Count).ToArray();
        var seen = position.Where(k => float.IsFinite(LossScores.Key(scores, members[k]))).ToArray();
        var unseen = position.Where(k => !float.IsFinite(LossScores.Key(scores, members[k]))).ToArray();
        Array.Sort(seen, (a, b) =>
        {
            int byLoss = LossScores.Key(scores, members[a]).CompareTo(LossScores.Key(scores, members[b]));
            return byLoss != 0 ? byLoss : a.CompareTo(b);
        });
        var sorted = seen.Select(k => members[k]).ToArray();
        var values = sorted.Select(i => (double)LossScores.Key(scores, i)).ToArray();

        var distinct = new List<(double Value, int Count)>();
        foreach (double v in values)
        {
            if (distinct.Count > 0 && distinct[^1].Value == v) distinct[^1] = (v, distinct[^1].Count + 1);
            else distinct.Add((v, 1));
        }
        if (distinct.Count < groups)
            return Chunks([.. sorted, .. unseen.Select(k => members[k])], groups);

        var ends = IntervalEnds(distinct, groups); // last distinct value of each group
        var result = new int[groups][];
        int from = 0, distinctFrom = 0;
        for (int g = 0; g < groups; g++)
        {
            int count = 0;
            for (int d = distinctFrom; d <= ends[g]; d++) count += distinct[d].Count;
            var group = sorted[from..(from + count)];
            if (g == groups - 1) group = [.. group, .. unseen.Select(k => members[k])];
            result[g] = group;
            from += count;
            distinctFrom = ends[g] + 1;
        }
        return result;
    }

    /// <summary>k contiguous chunks, sizes differing by at most one, the larger first.</summary>
    internal static int[][] Chunks(int[] items, int groups)
    {
        var result = new int[groups][];
        int from = 0;
        for (int g = 0; g < groups; g++)
        {
            int size = items.Length / groups + (g < items.Length % groups ? 1 : 0);
            result[g] = items[from..(from + size)];
            from += size;
        }
        return result;
    }

    /// <summary>
    /// The optimal split of weighted sorted values into k non-empty intervals: the index of each interval's last value.
    /// D[g][j] = min over i of D[g−1][i−1] + SSE(i..j); the best i is monotone in j, so each row is filled by divide and
    /// conquer in O(d log d). Ties take the smallest i.
    /// </summary>
    internal static int[] IntervalEnds(IReadOnlyList<(double Value, int Count)> distinct, int groups)
    {
        int d = distinct.Count;
        double mean = distinct.Sum(x => x.Value * x.Count) / distinct.Sum(x => (double)x.Count);
        var w = new double[d + 1];
        var s1 = new double[d + 1];
        var s2 = new double[d + 1];
        for (int i = 0; i < d; i++)
        {
            double v = distinct[i].Value - mean; // centred, so the sums of squares keep their precision
            w[i + 1] = w[i] + distinct[i].Count;
            s1[i + 1] = s1[i] + distinct[i].Count * v;
            s2[i + 1] = s2[i] + distinct[i].Count * v * v;
        }
        double Sse(int i, int j) // values i..j inclusive
        {
            double cw = w[j + 1] - w[i], c1 = s1[j + 1] - s1[i], c2 = s2[j + 1] - s2[i];
            return Math.Max(0, c2 - c1 * c1 / cw);
        }

        var previous = new double[d];
        for (int j = 0; j < d; j++) previous[j] = Sse(0, j);
        var start = new int[groups][]; // start[g][j]: first value of the last interval when values 0..j form g+1 groups
        start[0] = new int[d];
        for (int g = 1; g < groups; g++)
        {
            var current = new double[d];
            Array.Fill(current, double.PositiveInfinity);
            start[g] = new int[d];
            var row = start[g];
            var before = previous;
            void Fill(int lo, int hi, int optLo, int optHi)
            {
                if (lo > hi) return;
                int j = (lo + hi) / 2;
                double best = double.PositiveInfinity;
                int bestI = Math.Max(optLo, g);
                for (int i = Math.Max(optLo, g); i <= Math.Min(optHi, j); i++)
                {
                    double cost = before[i - 1] + Sse(i, j);
                    if (cost < best) { best = cost; bestI = i; }
                }
                current[j] = best;
                row[j] = bestI;
                Fill(lo, j - 1, optLo, bestI);
                Fill(j + 1, hi, bestI, optHi);
            }
            Fill(g, d - 1, g, d - 1);
            previous = current;
        }

        var ends = new int[groups];
        int end = d - 1;
        for (int g = groups - 1; g >= 0; g--)
        {
            ends[g] = end;
            end = g == 0 ? -1 : start[g][end] - 1;
        }
        return ends;
    }
}
