using LessData.Selection;

namespace LessData.Sweeps;

/// <summary>
/// The built-in plans: paper-step (Baseline + E1–E9), paper-increment (I25, I50, I75), paper-cut (C2, C3, C5, C9) and
/// paper (all of them, one shared Baseline). Every plan gets the Baseline, because every report compares against it.
/// </summary>
public static class SweepPlans
{
    public static readonly PlanCell Baseline = new("Baseline", Schedules.Full());

    public static IReadOnlyList<string> Names { get; } = ["paper-step", "paper-increment", "paper-cut", "paper"];

    public static IReadOnlyList<PlanCell> Get(string name) => name switch
    {
        "paper-step" => Cells(PaperGrid.StepExperiments),
        "paper-increment" => Cells(PaperGrid.IncrementExperiments),
        "paper-cut" => Cells(PaperGrid.CutExperiments),
        "paper" => Cells([.. PaperGrid.StepExperiments, .. PaperGrid.IncrementExperiments, .. PaperGrid.CutExperiments]),
        _ when File.Exists(name) => PlanFile.Load(name),
        _ => throw new UserError($"unknown plan '{name}': use one of {string.Join(", ", Names)}, or the path of a plan file (JSON)"),
    };

    private static IReadOnlyList<PlanCell> Cells(IEnumerable<(string Id, string Spec)> experiments) =>
        [Baseline, .. experiments.Select(e => new PlanCell(e.Id, Schedules.Parse(e.Spec)))];

    /// <summary>Adds the Baseline when a plan lacks one.</summary>
    public static IReadOnlyList<PlanCell> WithBaseline(IReadOnlyList<PlanCell> cells) =>
        cells.Any(c => c.Schedule.IsFull && (c.Selector is null || c.Selector.IsRandom)) ? cells : [Baseline, .. cells];
}
