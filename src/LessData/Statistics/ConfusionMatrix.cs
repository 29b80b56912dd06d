namespace LessData.Statistics;

/// <summary>
/// Counts[true, predicted] over a labelled split, with top-1 (the diagonal share) and per-class recall. Pure.
/// </summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, long[,] Counts)
{
    internal static ConfusionMatrix From(IReadOnlyList<string> classes, IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        if (truth.Count != predicted.Count) throw new ArgumentException($"{truth.Count} labels but {predicted.Count} predictions");
        var counts = new long[classes.Count, classes.Count];
        for (int i = 0; i < truth.Count; i++) counts[truth[i], predicted[i]]++;
        return new ConfusionMatrix(classes, counts);
    }

    /// <summary>Images counted.</summary>
    public long Total => Enumerable.Range(0, Classes.Count).Sum(t => Enumerable.Range(0, Classes.Count).Sum(p => Counts[t, p]));

    /// <summary>Images predicted as their true class (the diagonal).</summary>
    public long Correct => Enumerable.Range(0, Classes.Count).Sum(c => Counts[c, c]);

    /// <summary>Share of images predicted correctly (0 when there are none).</summary>
    public double Top1 => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Share of class c's images predicted as c (NaN for a class with no images).</summary>
    public double Recall(int c)
    {
        long row = Enumerable.Range(0, Classes.Count).Sum(p => Counts[c, p]);
        return row == 0 ? double.NaN : (double)Counts[c, c] / row;
    }
}
