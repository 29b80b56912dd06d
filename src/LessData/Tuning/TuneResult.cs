using System.Globalization;
using LessData.Comparison;
using LessData.Runs;
using LessData.Statistics;

namespace LessData.Tuning;

/// <summary>
/// The search's result in compare's terms: one <see cref="ComparisonRow"/> per arm (index 0 the baseline) over the
/// trials the search gave it, judged by the tune's rule, beside the search's own state of each candidate.
/// </summary>
internal sealed record TuneResult(TunePlan Plan, HalvingOutcome Outcome, IReadOnlyList<ComparisonRow> Rows, VerdictRule Rule, TuneBudget Budget)
{
    public static TuneResult Of(TunePlan plan, HalvingOutcome outcome, StoreEvidence evidence, VerdictRule rule, TuneBudget budget)
    {
        Dictionary<int, RunRecord> Arm(int arm, int trials) => Enumerable.Range(0, trials).Where(t => evidence.Done(arm, t)).ToDictionary(t => t, t => evidence.Completed[(arm, t)]);
        var rows = ComparisonRow.Build(Arm(0, outcome.BaselineTrials), outcome.Candidates.Select(c => (IReadOnlyDictionary<int, RunRecord>)Arm(c.Arm, c.Trials)), rule);
        return new TuneResult(plan, outcome, rows, rule, budget) { Baseline = evidence.Done(0, 0) ? evidence.Completed[(0, 0)] : null };
    }

    public double Margin => Rule.Margin;

    /// <summary>The recommendation: the candidate that maintains with the largest mean time saved, or null.</summary>
    public int? Recommended => Outcome.Best?.Arm;

    /// <summary>Up to three undecided candidates closest to maintaining (highest adjusted lower bound), for when none maintains.</summary>
    public IReadOnlyList<int> Closest => [.. Outcome.Candidates
        .Where(c => c.Status is CandidateStatus.Undecided or CandidateStatus.Dropped && Rows[c.Arm].Decision is not null)
        .OrderByDescending(c => Rows[c.Arm].Decision!.Low).ThenByDescending(c => c.MeanSaved).Take(3).Select(c => c.Arm)];

    /// <summary>
    /// A warning when every run scored the same final top-1 (or, with known classes, the baseline is within a point of
    /// chance, 100 / classes %): models that did not learn all score alike, Δ has no spread and a verdict says nothing
    /// about the method. Null otherwise.
    /// </summary>
    public string? Warning()
    {
        int classes = Baseline?.Data?.Classes?.Count ?? 0;
        bool chance = classes >= 2 && Rows[0].Top1 <= 100.0 / classes + 1;
        bool same = Rows.Skip(1).All(r => r.Delta is { Mean: 0, Std: 0 });
        if (!chance && !same) return null;
        return Inv($"warning: {(same ? "every run scored the same final top-1" : "the baseline is at chance level")} ({Rows[0].Top1:F2} %): the models may not have learned; train longer or on more images before trusting these verdicts");
    }

    /// <summary>A completed baseline run (for its data description).</summary>
    public RunRecord? Baseline { get; init; }

    /// <summary>The one line `tune` ends with.</summary>
    public string Recommendation()
    {
        if (Recommended is { } arm)
        {
            var r = Rows[arm];
            var s = r.TimeSaved!;
            var d = r.Decision!;
            string ci = double.IsNaN(s.Low) ? "" : Inv($" (CI {s.Low:0;−0}–{s.High:0;−0} %)");
            return Inv($"recommendation: {Plan.Label(arm)} saves {s.Mean:0} % of training time{ci} and maintains top-1 within {Margin:0.###} (Δ {Headline.Signed(r.Delta!.Mean)}, adjusted CI {Headline.Signed(d.Low)}…{Headline.Signed(d.High)}; {r.Trials} trials)");
        }
        if (Closest.Count == 0)
            return Inv($"recommendation: none — every candidate loses more than {Margin:0.###} points of top-1");
        return Inv($"recommendation: none maintains top-1 within {Margin:0.###} yet; closest: ") + string.Join("; ", Closest.Select(Describe));
    }

    /// <summary>"spec (Δ −0.40, adjusted CI −1.20…+0.40, saves 37 %, 4 trials; trials for 80% power: 12)".</summary>
    public string Describe(int arm)
    {
        var r = Rows[arm];
        var d = r.Decision!;
        return Inv($"{Plan.Label(arm)} (Δ {Headline.Signed(r.Delta!.Mean)}, adjusted CI {Headline.Signed(d.Low)}…{Headline.Signed(d.High)}, saves {r.TimeSaved!.Mean:0} %, {r.Trials} trials; trials for 80% power: {(d.TrialsFor80Power is null ? "n/a" : NonInferiority.PowerTrialsText(d.TrialsFor80Power))})");
    }

    /// <summary>The candidate's state in words: its verdict, or why and when it left the search.</summary>
    public string Status(int arm)
    {
        var c = Outcome.Candidates[arm - 1];
        return c.Status switch
        {
            CandidateStatus.Maintains => Inv($"maintains (round {c.Round})"),
            CandidateStatus.Loses => Inv($"loses (round {c.Round})"),
            CandidateStatus.Dropped => Inv($"inconclusive, dropped after round {c.Round}: {c.Why}"),
            _ => "inconclusive",
        };
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
