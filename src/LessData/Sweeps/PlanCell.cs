using LessData.Selection;
using LessData.Training;

namespace LessData.Sweeps;

/// <summary>
/// One experiment of a plan: the paper's id (Baseline, E1..E9, I25.., C2..) and its schedule, plus optional selector and
/// learning-rate overrides of the sweep's recipe.
/// </summary>
public sealed record PlanCell(string Id, ISchedule Schedule, ISelector? Selector = null, SubsetPolicy? Subset = null, bool? Stratify = null,
    LrScheduleKind? LrSchedule = null, LrClockKind? LrClock = null);
