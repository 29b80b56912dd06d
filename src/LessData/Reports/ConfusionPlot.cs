using LessData.Statistics;
using ScottPlot;

namespace LessData.Reports;

/// <summary>A confusion matrix as a PNG heat map (rows: true class, columns: predicted; colour: share of the row).</summary>
public static class ConfusionPlot
{
    /// <summary>Draws <paramref name="m"/> with <paramref name="title"/> as a PNG at <paramref name="path"/> and returns the path.</summary>
    public static string Write(ConfusionMatrix m, string path, string title)
    {
        int k = m.Classes.Count;
        var shares = new double[k, k];
        for (int t = 0; t < k; t++)
        {
            long row = Enumerable.Range(0, k).Sum(p => m.Counts[t, p]);
            for (int p = 0; p < k; p++) shares[t, p] = row == 0 ? 0 : (double)m.Counts[t, p] / row;
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap);
        for (int t = 0; t < k; t++)
            for (int p = 0; p < k; p++)
            {
                var text = plot.Add.Text(m.Counts[t, p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, k - 1 - t);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = shares[t, p] > 0.5 ? Colors.Black : Colors.White;
            }
        var positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. m.Classes]);
        plot.Axes.Left.SetTicks(positions, [.. m.Classes.Reverse()]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Title(title);
        plot.XLabel("predicted");
        plot.YLabel("true");
        int size = Math.Clamp(120 + 60 * k, 400, 1600);
        plot.SavePng(path, size + 120, size);
        return path;
    }
}
