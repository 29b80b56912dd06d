namespace LessData.Experiments;

/// <summary>One experiment of a plan: the paper's id (Baseline, E1..E9, I25.., C2..) and the schedule spec, plus optional selector overrides.</summary>
public sealed record PlanCell(string Id, string Spec, string? Selector = null, string? Subset = null, bool? Stratify = null);
