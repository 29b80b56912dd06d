using LessData.Store;

namespace LessData.Cli;

/// <summary>The failed runs of a plan in words, one per run: its cell, seed and stored reason (compare and sweep).</summary>
public static class FailedRuns
{
    public static string Describe(RunStore store, IReadOnlyList<PlannedRun> planned, string command)
    {
        var wanted = planned.Select(p => (p.Dataset, p.ExperimentId, p.Trial)).ToHashSet();
        var failed = store.ReadAll().Where(r => r.Status == RunStatus.Failed && wanted.Contains((r.Dataset, r.ExperimentId, r.Trial))).ToList();
        var each = failed.Take(5).Select(f => $"{f.ExperimentId} ({f.Spec}) seed {f.Seed}: {f.Error}");
        return $"{failed.Count} {command} run(s) failed — {string.Join("; ", each)}{(failed.Count > 5 ? "; …" : "")}. "
            + $"Details: lessdata sweep status --store {store.Location}";
    }
}
