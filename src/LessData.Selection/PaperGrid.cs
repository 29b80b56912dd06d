namespace LessData.Selection;

/// <summary>
/// The paper's Data Step experiments E1–E9: F ∈ {0.25, 0.5, 0.75} (E1–E3, E4–E6, E7–E9) × P ∈ {0.25, 0.5, 0.75}
/// within each group. Also the ids used for Increment (I25, I50, I75) and Cut (C2, C3, C5, C9) in reports.
/// </summary>
public static class PaperGrid
{
    private static readonly double[] s_levels = [0.25, 0.5, 0.75];

    /// <summary>Step experiment E<paramref name="experiment"/> (1..9) as its fraction F and portion P.</summary>
    /// <exception cref="SelectionException">Not in 1..9 (Parameter "schedule").</exception>
    public static (double Fraction, double Portion) Step(int experiment) =>
        experiment is >= 1 and <= 9
            ? (s_levels[(experiment - 1) / 3], s_levels[(experiment - 1) % 3])
            : throw new SelectionException("schedule", $"step:E{experiment}: the paper's grid is E1..E9");

    /// <summary>E1..E9 with their specs (step:F@P).</summary>
    public static IReadOnlyList<(string Id, string Spec)> StepExperiments { get; } =
        [.. Enumerable.Range(1, 9).Select(e => ($"E{e}", new DataStepSchedule(Step(e).Fraction, Step(e).Portion).Spec))];

    /// <summary>I25, I50, I75 with their specs.</summary>
    public static IReadOnlyList<(string Id, string Spec)> IncrementExperiments { get; } =
        [("I25", "increment:0.25"), ("I50", "increment:0.5"), ("I75", "increment:0.75")];

    /// <summary>C2, C3, C5, C9 with their specs.</summary>
    public static IReadOnlyList<(string Id, string Spec)> CutExperiments { get; } =
        [("C2", "cut:2"), ("C3", "cut:3"), ("C5", "cut:5"), ("C9", "cut:9")];
}
