namespace LessData.Statistics;

/// <summary>
/// How verdicts are decided. Each hypothesis ("maintains": Δ &gt; −M, "loses": Δ &lt; −M) has a one-sided error of
/// <see cref="Alpha"/> (2.5 %) for the whole comparison: Bonferroni across its Methods (each method at Alpha/m), and,
/// when the comparison adds trials until decided, a Pocock-type <see cref="SequentialDesign"/> at that level across
/// its looks. The verdict uses the interval Δ̂ ± t(1 − nominal, n − 1)·SD/√n: maintains when its lower bound is above
/// −M, loses when its upper bound is below −M. With one method and one look this is the plain 95 % rule.
/// </summary>
public sealed record VerdictRule
{
    internal VerdictRule(double margin, int methods = 1, SequentialDesign? design = null) => (Margin, Methods, Design) = (margin, methods, design);

    /// <summary>The non-inferiority margin M, in points of top-1.</summary>
    public double Margin { get; }

    /// <summary>The methods of the comparison, among which the error is shared (Bonferroni).</summary>
    public int Methods { get; }

    /// <summary>The sequential design across looks; null for one look.</summary>
    internal SequentialDesign? Design { get; }

    /// <summary>One-sided error per hypothesis, for the family of a comparison (the 95 % rule's 2.5 %).</summary>
    public const double Alpha = 0.025;

    /// <summary>Alpha shared among the methods (Bonferroni).</summary>
    public double MethodAlpha => Alpha / Math.Max(1, Methods);

    /// <summary>The one-sided level of the interval at each look.</summary>
    public double NominalAlpha => Design?.NominalAlpha ?? MethodAlpha;

    /// <summary>A fixed-n rule (one look) for <paramref name="methods"/> methods.</summary>
    public static VerdictRule Fixed(double margin, int methods = 1) => new(margin, Math.Max(1, methods));

    /// <summary>A sequential rule for looks after firstLook … lastLook trials (the first look is at least 2 trials).</summary>
    public static VerdictRule Sequential(double margin, int methods, int firstLook, int lastLook)
    {
        int m = Math.Max(1, methods), first = Math.Max(2, firstLook);
        return new VerdictRule(margin, m, SequentialDesign.Pocock(first, Math.Max(first, lastLook), Alpha / m));
    }

    /// <summary>The critical t with n trials (NaN below 2).</summary>
    public double Critical(int n) => n < 2 ? double.NaN : StudentTDistribution.Quantile(1 - NominalAlpha, n - 1);

    internal VerdictDecision Judge(PairedDifference d)
    {
        double c = Critical(d.Trials);
        double half = double.IsNaN(c) || double.IsNaN(d.Std) ? double.NaN : c * d.Std / Math.Sqrt(d.Trials);
        double low = d.Mean - half, high = d.Mean + half;
        var verdict = double.IsNaN(half) ? Verdict.Inconclusive
            : low > -Margin ? Verdict.Maintains
            : high < -Margin ? Verdict.Loses
            : Verdict.Inconclusive;
        return new VerdictDecision(verdict, NonInferiority.Decide(d, Margin), d.Trials, NominalAlpha, c, low, high,
            TrialsForPower.For(d, Margin, MethodAlpha));
    }

    /// <summary>One sentence: the adjustment, the level and, when sequential, the looks and their boundaries.</summary>
    public string Describe()
    {
        string methods = Methods == 1
            ? Inv($"one method, one-sided α = {Alpha:0.###%} per verdict")
            : Inv($"Bonferroni across {Methods} methods, one-sided α = {Alpha:0.###%}/{Methods} = {MethodAlpha:0.####%} per method and verdict");
        if (Design is not { } d || d.Looks == 1)
            return Inv($"{methods}; one look, interval Δ ± t(1 − {NominalAlpha:0.#####}, n − 1)·SD/√n; maintains = lower bound > −{Margin:0.###}, loses = upper bound < −{Margin:0.###}.");
        return Inv($"{methods}; sequential (Pocock-type, calibrated by simulation) over {d.Looks} looks after {d.FirstLook}…{d.LastLook} trials: one-sided nominal level {d.NominalAlpha:0.#####} at every look (critical t {d.Critical(d.FirstLook):0.###} at {d.FirstLook} trials … {d.Critical(d.LastLook):0.###} at {d.LastLook}); maintains = lower bound > −{Margin:0.###}, loses = upper bound < −{Margin:0.###}; a verdict is final at the look that reached it.");
    }

    private static string Inv(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
