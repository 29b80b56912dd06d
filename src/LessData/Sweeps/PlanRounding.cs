using System.Globalization;
using LessData.Selection;

namespace LessData.Sweeps;

/// <summary>A cell's evaluation ratio (of the baseline's) at the run's epochs, beside the paper's at 300 epochs.</summary>
internal sealed record CellRatio(string Id, string Spec, double Ratio, double PaperRatio)
{
    /// <summary>Points of ratio that rounding moved the cell (ratio − paper ratio, × 100).</summary>
    public double ShiftPoints => (Ratio - PaperRatio) * 100;
}

/// <summary>
/// Rounding of a plan at a short epoch count: Step trains F for round(P·E) epochs and Cut splits E into N sections, so
/// at E = 10 E1 uses 0.775 of the data where the paper's E1 uses 0.8125. Compares each schedule cell's ratio at E with
/// the ratio at the paper's 300 epochs and flags cells moved by more than <see cref="WarnPoints"/>.
/// </summary>
internal static class PlanRounding
{
    public const int PaperEpochs = 300;
    public const double WarnPoints = 1.0;

    public static IReadOnlyList<CellRatio> Ratios(IEnumerable<PlanCell> cells, int epochs, int datasetSize) =>
        [.. cells.Select(c =>
        {
            var s = c.Schedule;
            return new CellRatio(c.Id, s.Spec, Ratio(s, epochs, datasetSize), Ratio(s, PaperEpochs, datasetSize));
        })];

    public static IReadOnlyList<string> Warnings(IEnumerable<CellRatio> ratios, int epochs) =>
        [.. ratios.Where(r => Math.Abs(r.ShiftPoints) > WarnPoints).Select(r => string.Create(CultureInfo.InvariantCulture,
            $"warning: at {epochs} epochs {r.Id} ({r.Spec}) trains on {r.Ratio:0.###} of the baseline's evaluations, the paper's {r.PaperRatio:0.###} ({r.ShiftPoints:+0.0;-0.0} points); whole cells need epochs divisible by 4 (Step) and by N (cut:N)"))];

    private static double Ratio(ISchedule s, int epochs, int n) => (double)s.PredictedEvaluations(epochs, n) / ((long)epochs * n);
}
