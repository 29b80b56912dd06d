using System.Globalization;
using LessData.Statistics;
using LessData.Store;
using ScottPlot;

namespace LessData.Reports;

/// <summary>
/// The report's PNG plots for one (dataset, profile): data fraction per epoch; test top-1 per epoch (mean with a min–max
/// band), one plot per method family (Step, Increment, Cut, others) each with the Baseline; paired Δ top-1 per cell with
/// 95% CI whiskers and the −margin line; top-1 vs training time with 95% CI whiskers and the Pareto front; training
/// time vs evaluations with a linear fit.
/// </summary>
internal static class ReportPlots
{
    public const int Width = 900, Height = 560;

    public static IReadOnlyList<string> Write(string outDir, string prefix, IReadOnlyList<SweepRun> runs, IReadOnlyList<ReportRow> rows)
    {
        var done = runs.Where(r => r.Status == RunStatus.Completed && r.Record is not null).ToList();
        var cells = done.GroupBy(r => r.ExperimentId).OrderBy(g => ReportTable.Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var baseline = cells.Where(c => c.Key == "Baseline").ToList();
        var families = cells.Where(c => c.Key != "Baseline").GroupBy(c => Family(c.Key)).OrderBy(f => f.Key.Order).ToList();
        var written = new List<string> { Save(Fraction(cells), outDir, prefix + "fraction.png") };
        foreach (var family in families)
            written.Add(Save(Top1PerEpoch([.. baseline, .. family], family.Key.Name), outDir, $"{prefix}top1-per-epoch-{family.Key.Name.ToLowerInvariant()}.png"));
        if (families.Count == 0) written.Add(Save(Top1PerEpoch(baseline, "Baseline"), outDir, prefix + "top1-per-epoch-baseline.png"));
        var measured = rows.Where(r => r.Completed > 0).ToList();
        written.Add(Save(DeltaTop1(measured), outDir, prefix + "delta-top1.png"));
        written.Add(Save(Top1VsTime(measured, runs), outDir, prefix + "top1-vs-time.png"));
        written.Add(Save(TimeVsEvaluations(done), outDir, prefix + "time-vs-evaluations.png"));
        return written;
    }

    /// <summary>The paper's method families by cell id: Step (E1–E9), Increment (I..), Cut (C..); anything else is "Other".</summary>
    public static (int Order, string Name) Family(string id) => id switch
    {
        ['E', >= '0' and <= '9', ..] => (0, "Step"),
        ['I', >= '0' and <= '9', ..] => (1, "Increment"),
        ['C', >= '0' and <= '9', ..] => (2, "Cut"),
        _ => (3, "Other"),
    };

    private static string Save(Plot plot, string dir, string name)
    {
        var path = Path.Combine(dir, name);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static Plot Fraction(IEnumerable<IGrouping<string, SweepRun>> cells)
    {
        var plot = new Plot();
        foreach (var cell in cells)
        {
            var epochs = cell.First().Record!.Epochs;
            var line = plot.Add.ScatterLine(epochs.Select(e => (double)e.Epoch).ToArray(), epochs.Select(e => e.Fraction * 100).ToArray());
            line.LegendText = $"{cell.Key} {cell.First().Spec}";
        }
        Label(plot, "Data fraction per epoch", "epoch", "% of training set");
        return plot;
    }

    private static Plot Top1PerEpoch(IEnumerable<IGrouping<string, SweepRun>> cells, string family)
    {
        var plot = new Plot();
        foreach (var cell in cells)
        {
            var series = cell.Select(r => r.Record!.Epochs).ToList();
            int n = series.Min(s => s.Count);
            var xs = Enumerable.Range(1, n).Select(e => (double)e).ToArray();
            var values = Enumerable.Range(0, n).Select(e => series.Select(s => s[e].Top1 * 100).ToList()).ToList();
            if (series.Count > 1)
            {
                var band = plot.Add.FillY(xs, values.Select(v => v.Min()).ToArray(), values.Select(v => v.Max()).ToArray());
                band.FillStyle.Color = band.FillStyle.Color.WithAlpha(40);
                band.LineStyle.Width = 0;
            }
            var line = plot.Add.ScatterLine(xs, values.Select(v => v.Average()).ToArray());
            line.LegendText = cell.Key;
        }
        Label(plot, $"{family}: test top-1 per epoch (curve test split; mean over trials, band = min–max)", "epoch", "top-1 %");
        return plot;
    }

    /// <summary>Paired Δ top-1 of each cell with its 95% CI as whiskers, and the −margin line the verdict compares with.</summary>
    private static Plot DeltaTop1(IReadOnlyList<ReportRow> rows)
    {
        var plot = new Plot();
        var cells = rows.Where(r => r.Delta is not null).ToList();
        var xs = cells.Select((_, i) => (double)i).ToArray();
        var ys = cells.Select(r => r.Delta!.Mean).ToArray();
        if (cells.Count > 0)
        {
            plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 7);
            var bars = plot.Add.ErrorBar(xs, ys, [.. cells.Select(r => Whisker(r.Delta!.High - r.Delta.Mean))]);
            bars.YErrorNegative = [.. cells.Select(r => Whisker(r.Delta!.Mean - r.Delta.Low))];
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, [.. cells.Select(r => r.Id)]);
        }
        var margin = plot.Add.HorizontalLine(-(rows.FirstOrDefault()?.Margin ?? NonInferiority.DefaultMargin));
        margin.LinePattern = LinePattern.Dashed;
        margin.LegendText = "−margin";
        plot.Add.HorizontalLine(0).LegendText = "baseline";
        Label(plot, "Δ top-1 vs Baseline, paired within trials (whiskers = 95% CI)", "cell", "Δ top-1 (points)");
        return plot;
    }

    private static double Whisker(double x) => double.IsNaN(x) ? 0 : x;

    private static Plot Top1VsTime(IReadOnlyList<ReportRow> rows, IReadOnlyList<SweepRun> runs)
    {
        var plot = new Plot();
        var points = rows.Select(r => (r.TrainSeconds, r.Top1Mean)).ToList();
        var front = ParetoFront.Indices(points).OrderBy(i => points[i].TrainSeconds).ToList();
        var xs = points.Select(p => p.TrainSeconds).ToArray();
        var ys = points.Select(p => p.Top1Mean).ToArray();
        plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 7);
        plot.Add.ErrorBar(xs, ys, [.. rows.Select(r => Whisker(PairedDifference.HalfWidth(r.Top1Std, r.Completed)))]);
        for (int i = 0; i < rows.Count; i++) plot.Add.Text(rows[i].Id, points[i].TrainSeconds, points[i].Top1Mean);
        if (front.Count > 0)
        {
            var line = plot.Add.ScatterLine(front.Select(i => points[i].TrainSeconds).ToArray(), front.Select(i => points[i].Top1Mean).ToArray());
            line.LegendText = "Pareto front";
            line.LineStyle.Pattern = LinePattern.Dashed;
        }
        Label(plot, "Top-1 vs training time (mean per experiment, whiskers = 95% CI of the mean)", "training seconds", "top-1 %");
        return plot;
    }

    private static Plot TimeVsEvaluations(IReadOnlyList<SweepRun> runs)
    {
        var plot = new Plot();
        var xs = runs.Select(r => (double)r.Record!.Totals.Evaluations).ToArray();
        var ys = runs.Select(r => r.Record!.Totals.TrainSeconds).ToArray();
        var fit = LinearFit.Of(xs, ys);
        var points = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 6);
        points.LegendText = "runs";
        if (!double.IsNaN(fit.Slope))
        {
            double lo = xs.Min(), hi = xs.Max();
            var line = plot.Add.Line(lo, fit.Intercept + fit.Slope * lo, hi, fit.Intercept + fit.Slope * hi);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"fit: {fit.Slope * 1e6:F1} s per 10⁶ images + {fit.Intercept:F1} s, R² = {fit.RSquared:F3}");
        }
        Label(plot, string.Create(CultureInfo.InvariantCulture, $"Training time vs evaluations (R² = {fit.RSquared:F3})"), "evaluations (images trained on)", "training seconds");
        return plot;
    }

    private static void Label(Plot plot, string title, string x, string y)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend(Alignment.LowerRight);
    }
}
