namespace LessData.Selection;

/// <summary>Splits a budget across classes in proportion to their sizes (largest remainder, ties to the lower class).</summary>
internal static class ClassQuotas
{
    public static int[] Split(int budget, IReadOnlyList<int> classSizes)
    {
        long total = classSizes.Sum(s => (long)s);
        if (budget > total) throw new ArgumentOutOfRangeException(nameof(budget), $"budget {budget} exceeds {total} items");
        var quotas = new int[classSizes.Count];
        var remainders = new (double Remainder, int Class)[classSizes.Count];
        for (int c = 0; c < classSizes.Count; c++)
        {
            double exact = total == 0 ? 0 : (double)budget * classSizes[c] / total;
            quotas[c] = (int)Math.Floor(exact);
            remainders[c] = (exact - quotas[c], c);
        }
        int left = budget - quotas.Sum();
        foreach (var (_, c) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Class))
        {
            if (left == 0) break;
            if (quotas[c] < classSizes[c]) { quotas[c]++; left--; }
        }
        return quotas;
    }
}
