using LessData.Statistics;
using ScottPlot;

namespace LessData.Tuning;

/// <summary>
/// frontier.png: each candidate at (time saved %, Δ top-1 points) with whiskers of its time-saved 95 % CI (x) and the
/// rule's adjusted interval of Δ (y), coloured by verdict, with the −margin line and the baseline at (0, 0).
/// </summary>
internal static class FrontierPlot
{
    public const int Width = 900, Height = 560;

    public static string Write(string outDir, TuneResult r)
    {
        var plot = new Plot();
        var groups = new (string Name, Color Color, Func<int, bool> Has)[]
        {
            ("maintains", Colors.ForestGreen, a => r.Rows[a].Verdict == Verdict.Maintains),
            ("loses", Colors.Crimson, a => r.Rows[a].Verdict == Verdict.Loses),
            ("inconclusive", Colors.Gray, a => r.Rows[a].Verdict is not (Verdict.Maintains or Verdict.Loses)),
        };
        var arms = Enumerable.Range(1, r.Plan.Candidates.Count).ToList();
        foreach (var (name, color, has) in groups)
        {
            var mine = arms.Where(has).ToList();
            if (mine.Count == 0) continue;
            double[] xs = [.. mine.Select(a => r.Rows[a].TimeSaved!.Mean)], ys = [.. mine.Select(a => r.Rows[a].Delta!.Mean)];
            var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 8, color);
            markers.LegendText = name;
            var bars = plot.Add.ErrorBar(xs, ys, [.. mine.Select(a => Whisker(r.Rows[a].Decision!.High - r.Rows[a].Delta!.Mean))]);
            bars.YErrorNegative = [.. mine.Select(a => Whisker(r.Rows[a].Delta!.Mean - r.Rows[a].Decision!.Low))];
            bars.XErrorPositive = [.. mine.Select(a => Whisker(r.Rows[a].TimeSaved!.High - r.Rows[a].TimeSaved!.Mean))];
            bars.XErrorNegative = [.. mine.Select(a => Whisker(r.Rows[a].TimeSaved!.Mean - r.Rows[a].TimeSaved!.Low))];
            bars.Color = color;
            foreach (int a in mine) plot.Add.Text(r.Plan.Label(a), r.Rows[a].TimeSaved!.Mean, r.Rows[a].Delta!.Mean);
        }
        var margin = plot.Add.HorizontalLine(-r.Margin);
        margin.LinePattern = LinePattern.Dashed;
        margin.LegendText = "−margin";
        var zero = plot.Add.HorizontalLine(0, color: Colors.Black);
        zero.LegendText = "baseline";
        // Axes around the points and the margin: a 2-trial interval can be hundreds of points wide; its whisker runs off the plot.
        var dx = arms.Select(a => r.Rows[a].TimeSaved!.Mean).Where(double.IsFinite).Append(0).ToList();
        var dy = arms.Select(a => r.Rows[a].Delta!.Mean).Where(double.IsFinite).Append(0).Append(-r.Margin).ToList();
        plot.Axes.SetLimits(Math.Max(-100, dx.Min() - 15), Math.Min(100, dx.Max() + 15), dy.Min() - 3 * r.Margin, dy.Max() + 3 * r.Margin);
        plot.Title("Time saved vs Δ top-1 (whiskers: time 95% CI; Δ adjusted interval)");
        plot.XLabel("training time saved (% of the baseline's)");
        plot.YLabel("Δ top-1 vs baseline (points)");
        plot.ShowLegend(Alignment.LowerLeft);
        var path = Path.Combine(outDir, "frontier.png");
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static double Whisker(double x) => double.IsNaN(x) ? 0 : x;
}
