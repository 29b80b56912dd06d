using LessData.Energy;
using LessData.Training;

namespace LessData.Runs;

/// <summary>
/// Totals of a run from its epoch rows only, so a run resumed from a checkpoint (which carries the rows) reports the
/// same totals — energy included — as an uninterrupted one.
/// </summary>
internal static class RunTotalsBuilder
{
    public static RunTotals From(IReadOnlyList<EpochRecord> epochs, int finalTestImages, double carbonGramsPerKwh, string energySource, int? curveTestImages = null)
    {
        if (epochs.Count == 0) return new RunTotals(0, 0, 0, 0, 0, 0, 0, energySource, 0, 0, double.NaN, finalTestImages, 0, double.NaN);
        var window = epochs.Where(e => e.FinalTop1 is not null).Select(e => e.FinalTop1!.Value).ToList();
        double top1 = window.Count == 0 ? epochs[^1].Top1 : window.Average();
        double kwh = epochs.Sum(e => e.Kwh), trainKwh = epochs.Sum(e => e.TrainKwh);
        return new RunTotals(
            epochs[^1].Evaluations, epochs.Sum(e => e.Seconds), epochs.Sum(e => e.WallSeconds), top1, epochs.Max(e => e.Top1),
            kwh, Carbon.Grams(kwh, carbonGramsPerKwh), energySource,
            trainKwh, Carbon.Grams(trainKwh, carbonGramsPerKwh), StandardError(top1, finalTestImages), finalTestImages,
            window.Count, epochs[^1].FinalTop1 ?? epochs[^1].Top1, Definition(window.Count, finalTestImages, curveTestImages ?? finalTestImages));
    }

    /// <summary>Says which figure is which, in run.json itself.</summary>
    public static string Definition(int window, int finalTestImages, int curveTestImages) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"totals.top1 = mean of epochs[].finalTop1 over the last {window} epoch(s), on {finalTestImages} test images (the full split); epochs[].top1 = per-epoch curve on {curveTestImages} test images; top1StdErr = sqrt(p(1-p)/{finalTestImages}); comparisons (compare, report) read epochs[].finalTop1 over the window's last epochs in which both compared runs trained on all their images (fraction 1), so no method is read over reduced-data epochs");

    /// <summary>Binomial sampling standard error of an accuracy p measured on n test images: √(p(1 − p)/n).</summary>
    public static double StandardError(double p, int n) => n <= 0 ? double.NaN : Math.Sqrt(p * (1 - p) / n);
}
