using LessData.Statistics;
using LessData.Store;

namespace LessData.Comparison;

/// <summary>
/// The bookkeeping of compare's "until decided" loop: a method's verdict is final at the look that reached it. After
/// that look its later trials are not needed, so its row keeps the trials (and the verdict) of that look, whatever
/// the trials added later for the other methods would have said.
/// </summary>
public sealed class DecidedMethods
{
    private readonly Dictionary<string, int> _trialsAt = [];

    /// <summary>Methods decided so far.</summary>
    public int Count => _trialsAt.Count;

    /// <summary>The planned runs still needed: all of the Baseline and of undecided methods, and a decided method's up to its look.</summary>
    public IReadOnlyList<PlannedRun> Needed(IEnumerable<PlannedRun> planned) =>
        [.. planned.Where(p => !(_trialsAt.TryGetValue(p.ExperimentId, out int n) && p.Trial >= n))];

    /// <summary>Records the methods this look decided (rows: the baseline, then method i at index i + 1).</summary>
    public void Record(IReadOnlyList<ComparisonRow> rows)
    {
        for (int i = 0; i + 1 < rows.Count; i++)
            if (rows[i + 1].Verdict is not Verdict.Inconclusive and not null)
                _trialsAt.TryAdd(ComparisonPlan.MethodId(i), rows[i + 1].Trials);
    }
}
