using LessData.Torch;

namespace LessData.Native;

/// <summary>
/// The numerics self-check as run.json's provenance records it: the result ("passed", "repaired": oneDNN was turned
/// off and convolutions are now right, or "failed"), whether oneDNN was on for the run, the tolerance, the error first
/// found and where, the error after any repair, and the one-line summary. Errors are null where they were NaN/infinite.
/// </summary>
public sealed record NumericsRecord(string Result, bool? OneDnn, double Tolerance, double? FirstError, string FirstWorst, double? FinalError, string Summary)
{
    internal static NumericsRecord From(NumericsReport report) => new(
        !report.Correct ? "failed" : report.Action == NumericsAction.OneDnnDisabled ? "repaired" : "passed",
        report.Final.OneDnnEnabled, report.Tolerance, Finite(report.First.MaxRelativeError), report.First.Worst,
        Finite(report.Final.MaxRelativeError), report.Summary);

    /// <summary>The process's check (null when nothing was checked, e.g. a run read back from an older store).</summary>
    public static NumericsRecord? Current() => NumericsGuard.Current is { } r ? From(r) : null;

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
