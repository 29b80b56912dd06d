using LessData.Selection;
using LessData.Store;
using LessData.Training;

namespace LessData.Sweeps;

/// <summary>
/// The built-in plans: paper-step (Baseline + E1–E9), paper-increment (I25, I50, I75), paper-cut (C2, C3, C5, C9) and
/// paper (all of them, one shared Baseline). Every plan gets the Baseline, because every report compares against it.
/// </summary>
public static class SweepPlans
{
    internal static readonly PlanCell Baseline = new("Baseline", Schedules.Full());

    /// <summary>The built-in plans' names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["paper-step", "paper-increment", "paper-cut", "paper"];

    /// <summary>The cells of the built-in plan <paramref name="name"/>, or of the plan file at that path; a user error otherwise.</summary>
    public static IReadOnlyList<PlanCell> Get(string name) => name switch
    {
        "paper-step" => Cells(PaperGrid.StepExperiments),
        "paper-increment" => Cells(PaperGrid.IncrementExperiments),
        "paper-cut" => Cells(PaperGrid.CutExperiments),
        "paper" => Cells([.. PaperGrid.StepExperiments, .. PaperGrid.IncrementExperiments, .. PaperGrid.CutExperiments]),
        _ when File.Exists(name) => PlanFile.Load(name).Cells,
        _ => throw new UserError($"unknown plan '{name}': use one of {string.Join(", ", Names)}, or the path of a plan file (JSON)"),
    };

    /// <summary>
    /// The plan's recipe applied over <paramref name="recipe"/> (the profile's experiment): a plan file's "recipe"
    /// settings replace the profile's; the built-in plans carry none. Precedence: profile &lt; plan recipe &lt; flags.
    /// </summary>
    public static ExperimentConfig WithRecipe(string name, ExperimentConfig recipe) =>
        Names.Contains(name) || !File.Exists(name) ? recipe : PlanFile.Load(name).Recipe.ApplyTo(recipe);

    private static IReadOnlyList<PlanCell> Cells(IEnumerable<(string Id, string Spec)> experiments) =>
        [Baseline, .. experiments.Select(e => new PlanCell(e.Id, Schedules.Parse(e.Spec)))];

    /// <summary>
    /// One <see cref="PlannedRun"/> per trial and cell of the plan named <paramref name="plan"/>, trial-major; trial t
    /// trains with seed <paramref name="baseSeed"/> + t and <paramref name="baseConfig"/> with the cell's choices.
    /// </summary>
    /// <param name="plan">The plan's name, recorded with each run.</param>
    /// <param name="cells">The plan's cells.</param>
    /// <param name="profile">The profile's name, recorded with each run.</param>
    /// <param name="baseConfig">What every cell trains with, apart from its own choices and the seed.</param>
    /// <param name="trials">Trials per cell (at least 1).</param>
    /// <param name="baseSeed">The seed of trial 0.</param>
    public static IReadOnlyList<PlannedRun> Expand(string plan, IReadOnlyList<PlanCell> cells, string profile, TrainConfig baseConfig, int trials, int baseSeed) =>
        PlanExpansion.Expand(plan, cells, profile, baseConfig, trials, baseSeed);

    /// <summary>
    /// Each schedule cell's share of the baseline's evaluations at the paper's 300 epochs, by cell id, for
    /// <paramref name="datasetSize"/> images.
    /// </summary>
    public static IReadOnlyDictionary<string, double> PaperRatios(IEnumerable<PlanCell> cells, int epochs, int datasetSize) =>
        PlanRounding.Ratios(cells, epochs, datasetSize).ToDictionary(r => r.Id, r => r.PaperRatio);

    /// <summary>
    /// One warning per cell that rounding at <paramref name="epochs"/> epochs moves more than a point away from its
    /// share of the baseline's evaluations at the paper's 300 epochs (e.g. Step trains F for round(P·E) epochs).
    /// </summary>
    public static IReadOnlyList<string> RoundingWarnings(IEnumerable<PlanCell> cells, int epochs, int datasetSize) =>
        PlanRounding.Warnings(PlanRounding.Ratios(cells, epochs, datasetSize), epochs);

    /// <summary>Adds the Baseline when a plan lacks one.</summary>
    public static IReadOnlyList<PlanCell> WithBaseline(IReadOnlyList<PlanCell> cells) =>
        cells.Any(c => c.Schedule.IsFull && (c.Selector is null || c.Selector.IsRandom)) ? cells : [Baseline, .. cells];
}
