namespace LessData.Statistics;

/// <summary>
/// Holm's step-down adjustment of m p-values (family-wise error across the cells of a report): sort ascending,
/// p'_(i) = max over j ≤ i of min(1, (m − j + 1)·p_(j)). NaN p-values are left NaN and not counted in m.
/// </summary>
internal static class Holm
{
    public static double[] Adjust(IReadOnlyList<double> p)
    {
        var adjusted = Enumerable.Repeat(double.NaN, p.Count).ToArray();
        var order = Enumerable.Range(0, p.Count).Where(i => !double.IsNaN(p[i])).OrderBy(i => p[i]).ToList();
        int m = order.Count;
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
