namespace LessData.Statistics;

/// <summary>Mean and sample standard deviation (n − 1); NaN where undefined.</summary>
internal static class SampleMoments
{
    public static double Mean(IReadOnlyList<double> xs) => xs.Count == 0 ? double.NaN : xs.Average();

    public static double SampleStd(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return double.NaN;
        double mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1));
    }
}
