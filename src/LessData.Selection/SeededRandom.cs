namespace LessData.Selection;

/// <summary>
/// A small deterministic generator (SplitMix64) with a fixed algorithm, so subsets are identical across runs, machines
/// and .NET versions. Streams are derived from (seed, stream, epoch) so selection never shares numbers with other stages.
/// </summary>
internal sealed class SeededRandom(ulong state)
{
    private ulong _state = state;

    public static SeededRandom For(int seed, ulong stream, long epoch = 0) =>
        new(SeedStreams.Mix((ulong)(uint)seed, stream, (ulong)epoch));

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, bound) without modulo bias (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound));
        ulong threshold = (ulong)(-(long)bound) % (ulong)bound;
        while (true)
        {
            ulong r = NextUInt64();
            UInt128 m = (UInt128)r * (ulong)bound;
            if ((ulong)m >= threshold) return (int)(m >> 64);
        }
    }

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher–Yates).</summary>
    public int[] Permutation(int n)
    {
        var items = new int[n];
        for (int i = 0; i < n; i++) items[i] = i;
        Shuffle(items);
        return items;
    }

    public void Shuffle<T>(T[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
