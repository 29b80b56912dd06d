using System.Collections.Concurrent;

namespace LessData.Statistics;

/// <summary>
/// A group-sequential design for the paired t interval looked at after every trial, from FirstLook to LastLook trials
/// (compare's "until decided"). Pocock-type: one nominal one-sided level at every look, NominalAlpha, chosen so that
/// the probability that the one-sided hypothesis is rejected at <em>any</em> look is Alpha. With an unknown SD the
/// boundaries of a t statistic have no closed form, so the level is calibrated by simulation: the t statistics of
/// <see cref="CalibrationPaths"/> sequences under the null (and their mirror images), a fixed seed, bisection on the
/// level. The law of those t statistics does not depend on the SD, so the design depends only on the looks and Alpha.
/// </summary>
/// <param name="FirstLook">Trials at the first look (at least 2: one trial has no CI).</param>
/// <param name="LastLook">Trials at the last possible look.</param>
/// <param name="Alpha">The one-sided error over all the looks (per hypothesis, after any multiplicity adjustment).</param>
/// <param name="NominalAlpha">The one-sided level of the interval used at every look.</param>
internal sealed record SequentialDesign(int FirstLook, int LastLook, double Alpha, double NominalAlpha)
{
    /// <summary>Simulated sequences behind a calibration (each also counted mirrored).</summary>
    public const int CalibrationPaths = 200_000;
    /// <summary>Seed of the calibration's simulation (a design is the same on every machine and every call).</summary>
    public const ulong CalibrationSeed = 2_208_02007;

    private static readonly ConcurrentDictionary<(int, int, double), SequentialDesign> s_designs = new();

    /// <summary>Number of looks.</summary>
    public int Looks => LastLook - FirstLook + 1;

    /// <summary>The critical t at a look with n trials: the (1 − NominalAlpha)-quantile of Student's t with n − 1 df.</summary>
    public double Critical(int n) => StudentTDistribution.Quantile(1 - NominalAlpha, n - 1);

    /// <summary>The critical values of every look, first to last.</summary>
    public IReadOnlyList<double> Boundaries() => [.. Enumerable.Range(FirstLook, Looks).Select(Critical)];

    /// <summary>The Pocock-type design for these looks and one-sided error (cached: a calibration takes a fraction of a second).</summary>
    public static SequentialDesign Pocock(int firstLook, int lastLook, double alpha)
    {
        if (firstLook < 2) throw new ArgumentOutOfRangeException(nameof(firstLook), "the first look needs at least 2 trials");
        if (lastLook < firstLook) throw new ArgumentOutOfRangeException(nameof(lastLook), "the last look cannot come before the first");
        if (!(alpha > 0 && alpha < 0.5)) throw new ArgumentOutOfRangeException(nameof(alpha), "alpha must be in (0, 0.5)");
        return s_designs.GetOrAdd((firstLook, lastLook, alpha), key => Calibrate(key.Item1, key.Item2, key.Item3));
    }

    private static SequentialDesign Calibrate(int firstLook, int lastLook, double alpha)
    {
        int looks = lastLook - firstLook + 1;
        if (looks == 1) return new SequentialDesign(firstLook, lastLook, alpha, alpha);
        var paths = TStatisticPaths.Simulate(firstLook, lastLook, 0, CalibrationPaths, CalibrationSeed);
        // Bonferroni over the looks (alpha/looks) is always safe; alpha at every look is always too much.
        double low = Math.Log(alpha / looks), high = Math.Log(alpha);
        for (int i = 0; i < 30; i++)
        {
            double mid = (low + high) / 2;
            var design = new SequentialDesign(firstLook, lastLook, alpha, Math.Exp(mid));
            if (paths.EverCrosses(design.Boundaries()) > alpha) high = mid; else low = mid;
        }
        return new SequentialDesign(firstLook, lastLook, alpha, Math.Exp(low));
    }
}
