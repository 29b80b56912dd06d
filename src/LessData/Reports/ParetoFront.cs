namespace LessData.Reports;

/// <summary>Pareto front for (time, accuracy): the points no other point beats on both (less time and at least as accurate, or vice versa).</summary>
internal static class ParetoFront
{
    public static IReadOnlyList<int> Indices(IReadOnlyList<(double Time, double Accuracy)> points) =>
        [.. Enumerable.Range(0, points.Count).Where(i => !points.Where((q, j) => j != i).Any(q =>
            q.Time <= points[i].Time && q.Accuracy >= points[i].Accuracy && (q.Time < points[i].Time || q.Accuracy > points[i].Accuracy)))];
}
