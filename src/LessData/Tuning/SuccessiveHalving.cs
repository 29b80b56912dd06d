using System.Collections.Concurrent;
using LessData.Statistics;

namespace LessData.Tuning;

/// <summary>
/// The search of `tune`, a pure function of the completed runs (replayed from round 0 on every call, so a killed
/// tune resumes exactly where it was):
/// <list type="number">
/// <item>Round 0 runs the baseline and every candidate for FirstTrials trials (shared seeds, paired).</item>
/// <item>After each round, every candidate run in it is judged at its trials by the verdict rule (Critical): "maintains"
/// when Δ̂ − c·SD/√n &gt; −M, "loses" when Δ̂ + c·SD/√n &lt; −M. A verdict is final; a decided candidate gets no more trials.</item>
/// <item>Undecided candidates that save no more time (mean) than a candidate that maintains are dropped: they cannot
/// improve the recommendation.</item>
/// <item>The rest are ranked, and the better half (rounded up) goes on: plain "loses" (the unadjusted 95 % interval
/// lies below −M) last; then by the unadjusted 95 % lower bound of Δ, highest first (closest to maintaining); then by
/// mean time saved, largest first; then in the listed order.</item>
/// <item>The next round doubles the trials (at most MaxTrials) for the survivors and the baseline. When the budget
/// left cannot pay for it, the lowest-ranked survivors go first, then the trials shrink; when not even one more
/// trial of one candidate and the baseline fits, the search stops.</item>
/// </list>
/// Dropping a candidate and skipping looks only remove chances to declare "maintains", so the error of the rule
/// (Bonferroni over the K candidates × a Pocock boundary over every look FirstTrials … MaxTrials) still bounds the
/// family's false "maintains" (docs/tuning.md).
/// </summary>
internal static class SuccessiveHalving
{
    private static readonly ConcurrentDictionary<int, double> s_plain = new();

    /// <summary>The unadjusted two-sided 95 % critical t with n trials (used only to rank, never to decide).</summary>
    public static double PlainCritical(int n) => s_plain.GetOrAdd(n, x => StudentTDistribution.Quantile(0.975, x - 1));

    public static HalvingOutcome Replay(HalvingSettings s, ITuneEvidence evidence)
    {
        if (s.Candidates < 1) throw new ArgumentOutOfRangeException(nameof(s), "at least one candidate");
        if (s.FirstTrials < 2 || s.MaxTrials < s.FirstTrials) throw new ArgumentOutOfRangeException(nameof(s), "2 ≤ first trials ≤ max trials");
        var state = Enumerable.Range(1, s.Candidates).Select(i => new CandidateState(i, 0, CandidateStatus.Undecided, null, null, double.NaN, double.NaN)).ToArray();
        var rounds = new List<HalvingRound> { new(0, s.FirstTrials, [.. Enumerable.Range(1, s.Candidates)]) };
        var done = new List<(int Arm, int Trial)>();
        int baseline = 0;
        double spent = 0;
        while (true)
        {
            var round = rounds[^1];
            var runs = Enumerable.Range(baseline, round.Trials - baseline).Select(t => (Arm: 0, Trial: t))
                .Concat(round.Candidates.SelectMany(a => Enumerable.Range(state[a - 1].Trials, round.Trials - state[a - 1].Trials).Select(t => (Arm: a, Trial: t))))
                .ToList();
            var pending = runs.Where(r => !evidence.Done(r.Arm, r.Trial)).ToList();
            if (pending.Count > 0) return new HalvingOutcome(rounds, state, baseline, spent, pending, null);
            foreach (var r in runs) spent += evidence.Spent(r.Arm, r.Trial);
            done.AddRange(runs);
            baseline = round.Trials;
            foreach (int arm in round.Candidates) state[arm - 1] = Judge(s, evidence, state[arm - 1], round);
            var next = Next(s, evidence, state, round, done, spent, out string? stop);
            if (next is null) return new HalvingOutcome(rounds, state, baseline, spent, [], stop);
            rounds.Add(next);
        }
    }

    private static CandidateState Judge(HalvingSettings s, ITuneEvidence evidence, CandidateState c, HalvingRound round)
    {
        int n = round.Trials;
        var pairs = Enumerable.Range(0, n).Select(t => evidence.Pair(c.Arm, t)).ToList();
        var d = Stats(pairs.Select(p => p.Delta).ToList());
        double saved = SampleMoments.Mean(pairs.Select(p => p.Saved).ToList());
        double half = s.Critical(n) * d.Std / Math.Sqrt(n); // exactly VerdictRule.Judge's interval
        var status = double.IsNaN(half) ? CandidateStatus.Undecided
            : d.Mean - half > -s.Margin ? CandidateStatus.Maintains
            : d.Mean + half < -s.Margin ? CandidateStatus.Loses
            : CandidateStatus.Undecided;
        return c with { Trials = n, Status = status, Round = status == CandidateStatus.Undecided ? null : round.Index, MeanDelta = d.Mean, MeanSaved = saved };
    }

    private static (double Mean, double Std) Stats(IReadOnlyList<double> x) => (SampleMoments.Mean(x), SampleMoments.SampleStd(x));

    private static HalvingRound? Next(HalvingSettings s, ITuneEvidence evidence, CandidateState[] state, HalvingRound round,
        IReadOnlyCollection<(int Arm, int Trial)> done, double spent, out string? stop)
    {
        stop = null;
        var alive = state.Where(c => c.Status == CandidateStatus.Undecided).ToList();
        if (alive.Count == 0) { stop = "every candidate is decided"; return null; }
        var best = state.Where(c => c.Status == CandidateStatus.Maintains).MaxBy(c => c.MeanSaved);
        if (best is not null)
        {
            foreach (var c in alive.Where(c => !(c.MeanSaved > best.MeanSaved)))
                state[c.Arm - 1] = c with { Status = CandidateStatus.Dropped, Round = round.Index, Why = "saves no more time than a candidate that maintains" };
            alive = [.. state.Where(c => c.Status == CandidateStatus.Undecided)];
            if (alive.Count == 0) { stop = "no undecided candidate saves more time than the one that maintains"; return null; }
        }
        int n = round.Trials;
        if (n >= s.MaxTrials) { stop = $"the most trials per candidate ({s.MaxTrials}) are reached"; return null; }
        var ranked = alive.OrderBy(c => Rank(s, evidence, c)).ToList();
        var kept = ranked.Take((ranked.Count + 1) / 2).ToList();
        int target = Math.Min(s.MaxTrials, 2 * n), m = kept.Count;
        double remaining = s.Budget - spent;
        double Cost(int count, int upTo) => (upTo - n) * (evidence.Estimate(0, done) + kept.Take(count).Sum(c => evidence.Estimate(c.Arm, done)));
        while (m > 1 && Cost(m, target) > remaining) m--;
        while (target > n + 1 && Cost(m, target) > remaining) target--;
        if (Cost(m, target) > remaining + 1e-9) { stop = "the budget is spent"; return null; }
        foreach (var c in ranked.Skip(kept.Count))
            state[c.Arm - 1] = c with { Status = CandidateStatus.Dropped, Round = round.Index, Why = "halved out (ranked in the lower half)" };
        foreach (var c in kept.Skip(m))
            state[c.Arm - 1] = c with { Status = CandidateStatus.Dropped, Round = round.Index, Why = "the budget left paid for fewer candidates" };
        return new HalvingRound(round.Index + 1, target, [.. kept.Take(m).Select(c => c.Arm).Order()]);
    }

    /// <summary>The ranking key (smaller is better): plain "loses" last, then the highest plain 95 % lower bound, the largest saving, the listed order.</summary>
    private static (int Loses, double NegLow, double NegSaved, int Arm) Rank(HalvingSettings s, ITuneEvidence evidence, CandidateState c)
    {
        var d = Stats([.. Enumerable.Range(0, c.Trials).Select(t => evidence.Pair(c.Arm, t).Delta)]);
        double half = PlainCritical(c.Trials) * d.Std / Math.Sqrt(c.Trials);
        bool loses = d.Mean + half < -s.Margin;
        return (loses ? 1 : 0, -(d.Mean - half), -c.MeanSaved, c.Arm);
    }
}
