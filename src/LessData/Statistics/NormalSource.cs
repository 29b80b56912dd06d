namespace LessData.Statistics;

/// <summary>
/// A fast, seeded source of standard normal draws for the sequential-design simulations: xoshiro256** (Blackman and
/// Vigna) seeded through SplitMix64, and Marsaglia's polar method. Deterministic for a seed on every machine.
/// </summary>
internal sealed class NormalSource
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    public NormalSource(ulong seed)
    {
        _s0 = SplitMix(ref seed); _s1 = SplitMix(ref seed); _s2 = SplitMix(ref seed); _s3 = SplitMix(ref seed);
    }

    /// <summary>A uniform draw in (−1, 1).</summary>
    private double Symmetric() => ((long)Next() >> 11) * (1.0 / (1L << 52));

    /// <summary>A standard normal draw.</summary>
    public double Normal()
    {
        if (_hasSpare) { _hasSpare = false; return _spare; }
        double u, v, s;
        do { u = Symmetric(); v = Symmetric(); s = u * u + v * v; } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * f;
        _hasSpare = true;
        return u * f;
    }

    private ulong Next()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9, t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t; _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
