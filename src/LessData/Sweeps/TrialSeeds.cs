namespace LessData.Sweeps;

/// <summary>
/// Seed of trial t (0-based) = base seed + t. Every cell of one trial shares the seed, so methods are compared on the
/// same training subset, weight initialisation and augmentation stream, as the paper compares them on the same data.
/// </summary>
internal static class TrialSeeds
{
    public static int For(int baseSeed, int trial) => checked(baseSeed + trial);
}
