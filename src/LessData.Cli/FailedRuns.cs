using LessData.Store;

namespace LessData.Cli;

/// <summary>The failed runs of a plan in words, one per run: its cell, seed and stored reason (compare and sweep).</summary>
public static class FailedRuns
{
    public static string Describe(RunStore store, IReadOnlyList<PlannedRun> planned, string command)
    {
        var failed = store.Failures(planned);
        var each = failed.Take(5);
        return $"{failed.Count} {command} run(s) failed — {string.Join("; ", each)}{(failed.Count > 5 ? "; …" : "")}. "
            + $"Details: lessdata sweep status --store {store.Location}";
    }
}
