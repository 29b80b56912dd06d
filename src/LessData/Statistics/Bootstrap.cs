namespace LessData.Statistics;

/// <summary>
/// Percentile bootstrap of a mean: resample the values with replacement <see cref="Resamples"/> times (seeded, so the
/// report is deterministic) and take the (1 − c)/2 and (1 + c)/2 quantiles of the resampled means. A cross-check of the
/// t interval; with few trials it is narrower than the t interval (it cannot know the tails).
/// </summary>
internal static class Bootstrap
{
    public const int Resamples = 10_000;

    public static (double Low, double High) MeanInterval(IReadOnlyList<double> values, double confidence, int seed)
    {
        int n = values.Count;
        if (n < 2) return (double.NaN, double.NaN);
        var random = new Random(seed);
        var means = new double[Resamples];
        for (int b = 0; b < Resamples; b++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += values[random.Next(n)];
            means[b] = sum / n;
        }
        Array.Sort(means);
        return (Quantile(means, (1 - confidence) / 2), Quantile(means, (1 + confidence) / 2));
    }

    /// <summary>Linear interpolation between order statistics (type 7, numpy's default) of sorted values.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
