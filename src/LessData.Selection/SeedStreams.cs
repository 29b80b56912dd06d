namespace LessData.Selection;

/// <summary>
/// Independent, documented seed streams derived from the run seed, so that selection, batch order and augmentation
/// never share random numbers: changing one stage's use of randomness does not move another's.
/// </summary>
public static class SeedStreams
{
    /// <summary>The seed of an epoch's augmentation generator (LessData's trainer seeds its torch.Generator with it).</summary>
    public static ulong Augmentation(int seed, int epoch) => Mix((ulong)(uint)seed, 0xA11CE, (ulong)epoch);
    /// <summary>The seed of an epoch's batch order.</summary>
    public static ulong BatchOrder(int seed, int epoch) => Mix((ulong)(uint)seed, 0xBA7C4, (ulong)epoch);

    /// <summary>SplitMix64 finaliser over the parts.</summary>
    internal static ulong Mix(params ulong[] parts)
    {
        ulong h = 0x9E3779B97F4A7C15;
        foreach (var p in parts)
        {
            h ^= p + 0x9E3779B97F4A7C15 + (h << 6) + (h >> 2);
            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EB;
            h ^= h >> 31;
        }
        return h;
    }
}
