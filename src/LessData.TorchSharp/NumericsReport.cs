using System.Globalization;

namespace LessData.Torch;

/// <summary>The outcome of <see cref="NumericsSelfCheck.EnsureCorrect(IEnumerable{ConvolutionShape}, double)"/>.</summary>
/// <param name="Correct">Whether convolutions are now within the tolerance: train only when true.</param>
/// <param name="Action">What was done.</param>
/// <param name="First">The first probe, as the machine computed before any change.</param>
/// <param name="AfterRepair">The probe after the repair (null when none was tried).</param>
/// <param name="Tolerance">The largest relative error accepted.</param>
public sealed record NumericsReport(bool Correct, NumericsAction Action, ConvolutionProbe First, ConvolutionProbe? AfterRepair, double Tolerance)
{
    /// <summary>The probe that decided <see cref="Correct"/>.</summary>
    public ConvolutionProbe Final => AfterRepair ?? First;

    /// <summary>One line: what was found and what was done.</summary>
    public string Summary => (Correct, Action) switch
    {
        (true, NumericsAction.None) => Format($"numerics self-check passed: fp32 convolutions match float64 (max relative error {First.MaxRelativeError:G2}, {First.ShapesChecked} shapes)"),
        (true, _) => Format($"numerics self-check: fp32 convolutions were wrong with oneDNN (relative error {Error(First)} at {First.Worst}); oneDNN turned off for ATen operators, now correct (max relative error {Final.MaxRelativeError:G2})"),
        (false, NumericsAction.OneDnnDisabled) => Format($"numerics self-check failed: fp32 convolutions are wrong (relative error {Error(First)} at {First.Worst}) and stay wrong with oneDNN off ({Error(Final)} at {Final.Worst})"),
        _ => Format($"numerics self-check failed: fp32 convolutions are wrong (relative error {Error(First)} at {First.Worst}) and there is no backend left to switch to"),
    };

    private static string Error(ConvolutionProbe p) => double.IsPositiveInfinity(p.MaxRelativeError) ? "NaN/inf" : p.MaxRelativeError.ToString("G2", CultureInfo.InvariantCulture);

    private static string Format(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
