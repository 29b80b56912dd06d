using LessData.Runs;

namespace LessData.Comparison;

/// <summary>Which final top-1 a comparison reads from its runs.</summary>
public enum FinalTop1Reading
{
    /// <summary>
    /// Neutral (the default): the mean of the final-window values (full test split, averaged weights) over the window's
    /// last epochs in which both compared runs trained on all their images. A reduced-data epoch (Increment's and
    /// Cut's windows reach into them; InfoBatch prunes until its last epochs) is never averaged against a full one.
    /// </summary>
    FullData,
    /// <summary>Each run's own totals.top1: the mean over its whole final window, whatever data those epochs used.</summary>
    Window,
}

/// <summary>
/// Reads a run's final top-1 (a fraction) for a comparison. The final window's epochs carry FinalTop1 (the full test
/// split); their Fraction says whether the epoch trained on all the images. Measured on the 12-epoch reproduction
/// store, the neutral reading keeps the paired SD of the whole-window mean (0.83 points pooled over 16 cells) where the
/// last epoch alone gives 0.98 (docs/reports.md).
/// </summary>
public static class FinalTop1
{
    /// <summary>Name of the reading as written in summary.json and the docs.</summary>
    public static string Name(FinalTop1Reading reading) => reading == FinalTop1Reading.FullData ? "full-data" : "window";

    /// <summary>Parses "full-data" or "window"; null for anything else.</summary>
    public static FinalTop1Reading? Parse(string text) => text switch
    {
        "full-data" => FinalTop1Reading.FullData,
        "window" => FinalTop1Reading.Window,
        _ => null,
    };

    /// <summary>One sentence for the reports.</summary>
    public static string Describe(FinalTop1Reading reading) => reading == FinalTop1Reading.FullData
        ? "final top-1 = mean over the final window's last epochs in which both compared runs trained on all their images (full test split; the last epoch when no other)"
        : "final top-1 = each run's own final-window mean (totals.top1), whatever data those epochs trained on";

    /// <summary>A run's own reading: with FullData, the mean over its window's trailing epochs at fraction 1.</summary>
    public static double Of(RunRecord run, FinalTop1Reading reading) =>
        reading == FinalTop1Reading.Window ? run.Totals.Top1 : Over(run, FullEpochs(run).ToHashSet());

    /// <summary>A pair read the same way: over the window's trailing epochs in which both trained on all their images.</summary>
    public static (double Method, double Baseline) Pair(RunRecord method, RunRecord baseline, FinalTop1Reading reading)
    {
        if (reading == FinalTop1Reading.Window) return (method.Totals.Top1, baseline.Totals.Top1);
        var shared = FullEpochs(method).ToHashSet();
        shared.IntersectWith(FullEpochs(baseline));
        var epochs = Trailing(method, shared);
        return (Over(method, epochs), Over(baseline, epochs));
    }

    /// <summary>The window's epochs (with FinalTop1) at fraction 1, trailing from the last epoch; the last window epoch when none.</summary>
    private static IEnumerable<int> FullEpochs(RunRecord run) =>
        Trailing(run, run.Epochs.Where(e => e.FinalTop1 is not null && e.Fraction >= 1 - 1e-9).Select(e => e.Epoch).ToHashSet());

    /// <summary>The trailing run of window epochs in <paramref name="allowed"/>; the last window epoch when it is not in it.</summary>
    private static HashSet<int> Trailing(RunRecord run, HashSet<int> allowed)
    {
        var window = run.Epochs.Where(e => e.FinalTop1 is not null).Select(e => e.Epoch).OrderDescending().ToList();
        var result = new HashSet<int>();
        foreach (int e in window)
        {
            if (!allowed.Contains(e)) break;
            result.Add(e);
        }
        if (result.Count == 0 && window.Count > 0) result.Add(window[0]);
        return result;
    }

    private static double Over(RunRecord run, HashSet<int> epochs)
    {
        var values = run.Epochs.Where(e => e.FinalTop1 is not null && epochs.Contains(e.Epoch)).Select(e => e.FinalTop1!.Value).ToList();
        return values.Count == 0 ? run.Totals.Top1 : values.Average();
    }
}
