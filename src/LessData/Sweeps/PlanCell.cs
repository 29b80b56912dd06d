using LessData.Selection;

namespace LessData.Sweeps;

/// <summary>One experiment of a plan: the paper's id (Baseline, E1..E9, I25.., C2..) and its schedule, plus optional selector overrides.</summary>
public sealed record PlanCell(string Id, ISchedule Schedule, ISelector? Selector = null, SubsetPolicy? Subset = null, bool? Stratify = null);
