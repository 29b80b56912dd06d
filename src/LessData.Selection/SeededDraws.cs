namespace LessData.Selection;

/// <summary>
/// The deterministic draws the stage makes, for data code that must choose the same images on every machine and .NET
/// version (a limited or split dataset): the same arguments give the same result everywhere.
/// </summary>
public static class SeededDraws
{
    /// <summary>A permutation of 0..<paramref name="count"/>−1 from a seed and a stream (different streams are independent).</summary>
    public static int[] Permutation(int seed, ulong stream, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return SeededRandom.For(seed, stream).Permutation(count);
    }

    /// <summary>
    /// A class-balanced draw of <paramref name="budget"/> indices: the budget split across classes in proportion to their
    /// sizes (largest remainder), each class contributing the first quota of its own seeded permutation.
    /// </summary>
    public static IReadOnlyList<int> Stratified(IReadOnlyList<int> labels, int budget, int seed, ulong stream)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return StratifiedDraw.Draw(labels, budget, seed, stream, epochKey: 0);
    }
}
