namespace LessData.Torch;

/// <summary>
/// Checks, before training, that this machine's libtorch computes fp32 convolutions right, and repairs what it can.
/// A probe (<see cref="ConvolutionProbe"/>: milliseconds) compares fp32 convolutions of the tail channel counts and of
/// the model's own shapes with a float64 reference. When they disagree beyond the tolerance, oneDNN is turned off for
/// ATen's operators (<see cref="OneDnn"/>) and the probe runs again. The report says what was found and done; train
/// only when <see cref="NumericsReport.Correct"/> is true.
/// </summary>
/// <example>
/// <code>
/// var report = NumericsSelfCheck.EnsureCorrect(ConvolutionShape.Of(model));
/// if (!report.Correct) throw new InvalidOperationException(report.Summary);
/// if (report.Action != NumericsAction.None) Console.WriteLine(report.Summary);
/// </code>
/// </example>
public static class NumericsSelfCheck
{
    /// <summary>
    /// The largest relative error accepted (1e-3). Correct fp32 convolutions of these sizes stay below ~1e-5 of the
    /// largest output; the faults seen are 30–70 % off or NaN.
    /// </summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>Probes the tail shapes plus <paramref name="shapes"/>; turns oneDNN off and probes again when they are wrong.</summary>
    public static NumericsReport EnsureCorrect(IEnumerable<ConvolutionShape> shapes, double tolerance = DefaultTolerance) =>
        EnsureCorrect(shapes, tolerance, ConvolutionProbe.Run);

    /// <summary>As the public overload, with the probe supplied (tests inject a faulty first result).</summary>
    internal static NumericsReport EnsureCorrect(IEnumerable<ConvolutionShape> shapes, double tolerance, Func<IReadOnlyList<ConvolutionShape>, ConvolutionProbe> probe)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be positive");
        IReadOnlyList<ConvolutionShape> all = [.. ConvolutionShape.Tails.Concat(shapes).Distinct()];
        var first = probe(all);
        if (first.Passed(tolerance)) return new NumericsReport(true, NumericsAction.None, first, null, tolerance);
        if (!OneDnn.IsAvailable || !OneDnn.Enabled) return new NumericsReport(false, NumericsAction.NoRepair, first, null, tolerance);
        OneDnn.Enabled = false;
        var second = probe(all);
        return new NumericsReport(second.Passed(tolerance), NumericsAction.OneDnnDisabled, first, second, tolerance);
    }
}
