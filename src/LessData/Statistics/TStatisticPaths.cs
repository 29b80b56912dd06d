namespace LessData.Statistics;

/// <summary>
/// Simulated paths of the paired t statistic, one value per look: for sequences of independent N(shift, 1)
/// differences, t_n = x̄_n / (s_n/√n) after n = FirstLook … LastLook trials (s_n the sample SD, n − 1). The verdict
/// statistic (Δ̂ + M)/(s/√n) has exactly this law with shift (Δ + M)/σ, whatever σ, so the paths stand for any paired
/// SD. Stored flat: path p, look n at [p·looks + n − firstLook].
/// </summary>
internal sealed class TStatisticPaths
{
    private readonly float[] _t;

    public int FirstLook { get; }
    public int LastLook { get; }
    public int Paths { get; }
    public int Looks => LastLook - FirstLook + 1;

    private TStatisticPaths(int firstLook, int lastLook, int paths, float[] t) => (FirstLook, LastLook, Paths, _t) = (firstLook, lastLook, paths, t);

    public float this[int path, int look] => _t[path * Looks + look];

    public static TStatisticPaths Simulate(int firstLook, int lastLook, double shift, int paths, ulong seed)
    {
        if (firstLook < 2 || lastLook < firstLook) throw new ArgumentOutOfRangeException(nameof(firstLook), "looks need 2 ≤ first ≤ last trials");
        int looks = lastLook - firstLook + 1;
        var t = new float[paths * looks];
        var rng = new NormalSource(seed);
        for (int p = 0; p < paths; p++)
        {
            double mean = 0, m2 = 0; // Welford
            for (int n = 1; n <= lastLook; n++)
            {
                double x = rng.Normal() + shift, d = x - mean;
                mean += d / n;
                m2 += d * (x - mean);
                if (n >= firstLook) t[p * looks + n - firstLook] = (float)(mean / Math.Sqrt(m2 / (n - 1) / n));
            }
        }
        return new TStatisticPaths(firstLook, lastLook, paths, t);
    }

    /// <summary>
    /// What a sequential rule with these critical values (one per look, index 0 = FirstLook) decides: the share of
    /// paths whose first crossing is upward (t &gt; c: "maintains") and downward (t &lt; −c: "loses"). A path stops at
    /// its first crossing, so a verdict once reached is final.
    /// </summary>
    public (double Maintains, double Loses) Outcomes(IReadOnlyList<double> critical)
    {
        long up = 0, down = 0;
        for (int p = 0; p < Paths; p++)
            for (int k = 0; k < Looks; k++)
            {
                float x = _t[p * Looks + k];
                if (x > critical[k]) { up++; break; }
                if (x < -critical[k]) { down++; break; }
            }
        return ((double)up / Paths, (double)down / Paths);
    }

    /// <summary>
    /// The share of paths that exceed the critical values at some look, counting each path and its mirror image
    /// (−t, equally likely under shift 0): the probability that one one-sided hypothesis is ever rejected.
    /// </summary>
    public double EverCrosses(IReadOnlyList<double> critical)
    {
        long count = 0;
        var c = critical.Select(x => (float)x).ToArray();
        for (int p = 0; p < Paths; p++)
        {
            bool up = false, down = false;
            int row = p * Looks;
            for (int k = 0; k < Looks && !(up && down); k++)
            {
                float x = _t[row + k];
                up |= x > c[k];
                down |= x < -c[k];
            }
            count += (up ? 1 : 0) + (down ? 1 : 0);
        }
        return count / (2.0 * Paths);
    }
}
