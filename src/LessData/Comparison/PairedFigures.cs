using LessData.Runs;
using LessData.Statistics;

namespace LessData.Comparison;

/// <summary>
/// The paired differences `compare` and `report` both show, over a method's runs and the baseline's run of the same
/// seed: Δ top-1 in points (top-1 read by a <see cref="FinalTop1Reading"/>) and time saved in percent of the
/// baseline's training time.
/// </summary>
internal static class PairedFigures
{
    /// <summary>Δ top-1 and time saved over <paramref name="pairs"/> (method run, baseline run of the same seed).</summary>
    public static (PairedDifference Delta, PairedDifference TimeSaved) Of(IReadOnlyList<(RunRecord Method, RunRecord Baseline)> pairs, FinalTop1Reading reading) =>
        (PairedDifference.Of([.. pairs.Select(p => FinalTop1.Pair(p.Method, p.Baseline, reading) is var (x, y) ? (x - y) * 100 : double.NaN)]),
         PairedDifference.Of([.. pairs.Select(p => p.Baseline.Totals.TrainSeconds > 0 ? (1 - p.Method.Totals.TrainSeconds / p.Baseline.Totals.TrainSeconds) * 100 : double.NaN)]));
}
