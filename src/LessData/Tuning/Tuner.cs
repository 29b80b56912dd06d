using System.Globalization;
using LessData.Runs;
using LessData.Statistics;
using LessData.Store;
using LessData.Training;

namespace LessData.Tuning;

/// <summary>
/// `lessdata tune`: searches candidate schedules and selectors for the largest training-time saving whose accuracy
/// verdict against the full-data baseline is "maintains" (docs/tuning.md). The search is successive halving over
/// trials, judged by Bonferroni across the candidates × a Pocock-type sequential boundary over the looks, and it is a
/// pure function of the completed runs in a store: call <see cref="Next"/>, make the runs it returns (here or on
/// workers), call it again, until it returns none; then <see cref="Finish"/>. A killed tune rerun over the same store
/// resumes.
/// </summary>
public sealed class Tuner
{
    private readonly TunePlan _plan;
    private readonly TuneBudget _budget;
    private readonly HalvingSettings _settings;
    private readonly VerdictRule _rule;
    private int _reported;

    private Tuner(TunePlan plan, TuneBudget budget, VerdictRule rule, int firstTrials, int maxTrials)
    {
        (_plan, _budget, _rule) = (plan, budget, rule);
        var critical = Enumerable.Range(0, maxTrials + 1).Select(rule.Critical).ToArray();
        _settings = new HalvingSettings(plan.Candidates.Count, rule.Margin, firstTrials, maxTrials, budget.Limit, n => critical[n]);
    }

    /// <summary>The candidates used when none are given, as a user writes them.</summary>
    public const string DefaultCandidates = CandidateSet.DefaultText;

    /// <summary>Trials of round 0 when not given.</summary>
    public const int DefaultFirstTrials = 2;

    /// <summary>Most trials per arm when not given.</summary>
    public const int DefaultMaxTrials = 10;

    /// <summary>
    /// Plans a tune and checks every setting and every arm's config before anything runs.
    /// </summary>
    /// <param name="recipe">The base recipe; its schedule is ignored (the baseline trains on the full data with the random selector).</param>
    /// <param name="margin">Non-inferiority margin in points of top-1 (positive).</param>
    /// <param name="budgetRuns">Budget in training runs, the baseline's included (give this or <paramref name="budgetHours"/>).</param>
    /// <param name="budgetHours">Budget in hours of the runs' measured wall time.</param>
    /// <param name="candidates">Space-separated candidates (schedule, selector or schedule+selector specs); null for <see cref="DefaultCandidates"/>.</param>
    /// <param name="firstTrials">Trials of every arm in round 0 (at least 2).</param>
    /// <param name="maxTrials">Most trials any arm gets (the last look of the sequential boundary).</param>
    /// <param name="candidateClock">The LR clock of the candidates; null keeps the recipe's.</param>
    /// <exception cref="UserError">A setting is out of range (Parameter names it).</exception>
    public static Tuner Plan(TrainConfig recipe, double margin, int? budgetRuns, double? budgetHours, string? candidates = null,
        int firstTrials = DefaultFirstTrials, int maxTrials = DefaultMaxTrials, LrClockKind? candidateClock = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (!(margin > 0) || double.IsInfinity(margin)) throw new UserError($"must be a positive number of points (got {margin.ToString(CultureInfo.InvariantCulture)})", parameter: "margin");
        if (firstTrials < 2) throw new UserError($"must be at least 2: one trial has no interval (got {firstTrials})", parameter: "trials");
        if (maxTrials < firstTrials) throw new UserError($"must be at least the first round's trials, {firstTrials} (got {maxTrials})", parameter: "maxTrials");
        if (maxTrials > MaxTrialsLimit) throw new UserError($"must be at most {MaxTrialsLimit}: the sequential boundary is calibrated over every look (got {maxTrials})", parameter: "maxTrials");
        if (recipe.Experiment.Seed > int.MaxValue - maxTrials)
            throw new UserError($"must be at most {int.MaxValue - maxTrials}: trial t uses seed + t (got {recipe.Experiment.Seed})", parameter: "seed");
        var budget = TuneBudget.Of(budgetRuns, budgetHours);
        var (set, skipped) = Feasible(recipe, CandidateSet.Parse(candidates), string.IsNullOrWhiteSpace(candidates), candidateClock);
        if (budget.Runs is { } runs && runs < (set.Count + 1) * firstTrials)
            throw new UserError($"must be at least {(set.Count + 1) * firstTrials}: round 0 runs the baseline and {set.Count} candidate(s) for {firstTrials} trials each (got {runs})", parameter: TuneBudget.RunsSetting);
        var plan = TunePlan.Of(recipe, set, candidateClock);
        for (int arm = 0; arm < plan.Arms; arm++) Check(plan, arm);
        return new Tuner(plan, budget, VerdictRule.Sequential(margin, set.Count, firstTrials, maxTrials), firstTrials, maxTrials) { Skipped = skipped };
    }

    /// <summary>Validates one arm's run before anything trains; a candidate's error names the candidate (the baseline's is the recipe's own).</summary>
    private static void Check(TunePlan plan, int arm)
    {
        try
        {
            RunPipeline.Validate(plan.Config(arm));
        }
        catch (Exception e) when (arm > 0 && e is UserError or LessData.Selection.SelectionException)
        {
            throw new UserError($"'{plan.Candidates.Items[arm - 1].Spec}' cannot run with this recipe: {e.Message}", e, TuneCandidate.Setting);
        }
    }

    /// <summary>The most trials an arm may get: the boundary's calibration simulates every look up to it.</summary>
    public const int MaxTrialsLimit = 100;

    /// <summary>Default candidates this recipe cannot run (e.g. a target fraction out of reach at its epochs), each with the reason.</summary>
    public IReadOnlyList<string> Skipped { get; private init; } = [];

    /// <summary>
    /// The default list keeps only the candidates the recipe can run (a target fraction may be out of reach at few epochs);
    /// a list the user wrote is taken as written, so its first impossible candidate is an error.
    /// </summary>
    private static (CandidateSet Set, IReadOnlyList<string> Skipped) Feasible(TrainConfig recipe, CandidateSet set, bool isDefault, LrClockKind? clock)
    {
        if (!isDefault) return (set, []);
        var kept = new List<TuneCandidate>();
        var skipped = new List<string>();
        foreach (var c in set.Items)
        {
            try
            {
                RunPipeline.Validate(c.Apply(recipe, clock));
                kept.Add(c);
            }
            catch (UserError e) { skipped.Add($"{c.Spec}: {e.Message}"); }
            catch (LessData.Selection.SelectionException e) { skipped.Add($"{c.Spec}: {e.Message}"); }
        }
        if (kept.Count == 0) throw new UserError($"none of the default candidates can run with this recipe ({string.Join("; ", skipped)})", parameter: TuneCandidate.Setting);
        return (new CandidateSet(kept), skipped);
    }

    /// <summary>One paragraph: the candidates, the budget and the verdict rule.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"tune: {_plan.Candidates.Count} candidate(s): {string.Join(", ", Enumerable.Range(1, _plan.Candidates.Count).Select(_plan.Label))}; baseline full + random; budget {_budget.Limit} {_budget.Unit}; round 0 = {_settings.FirstTrials} trials, at most {_settings.MaxTrials}. Verdicts: {_rule.Describe()}");

    /// <summary>
    /// Replays the search on the store's completed runs and returns the runs the current round still needs (none when
    /// the search is over). Rounds completed since the last call are reported through <paramref name="say"/>.
    /// </summary>
    public IReadOnlyList<PlannedRun> Next(RunStore store, Action<string>? say = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (outcome, _) = Replay(store);
        for (; _reported < outcome.Rounds.Count - (outcome.Finished ? 0 : 1); _reported++) say?.Invoke(RoundLine(outcome, _reported));
        if (!outcome.Finished)
        {
            var round = outcome.Rounds[^1];
            say?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"tune: round {round.Index}: {round.Candidates.Count} candidate(s) and the baseline to {round.Trials} trials; {outcome.Pending.Count} run(s) to make; budget used {_budget.Describe(outcome.Spent)}"));
        }
        return [.. outcome.Pending.Select(p => _plan.Run(p.Arm, p.Trial))];
    }

    /// <summary>
    /// Writes summary.json, report.md and frontier.png into <paramref name="outDir"/> and returns the recommendation line
    /// (and a second line warning when the baseline scored at chance level).
    /// </summary>
    /// <exception cref="InvalidOperationException">The search still needs runs (<see cref="Next"/> returns some).</exception>
    public string Finish(RunStore store, string outDir, string command)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (outcome, evidence) = Replay(store);
        if (!outcome.Finished) throw new InvalidOperationException("the search still needs runs");
        var result = TuneResult.Of(_plan, outcome, evidence, _rule, _budget);
        Directory.CreateDirectory(outDir);
        var png = FrontierPlot.Write(outDir, result);
        TuneReport.Write(outDir, result, command, png);
        return result.Warning() is { } warning ? result.Recommendation() + Environment.NewLine + warning : result.Recommendation();
    }

    private (HalvingOutcome Outcome, StoreEvidence Evidence) Replay(RunStore store)
    {
        var runs = Enumerable.Range(0, _plan.Arms).SelectMany(a => Enumerable.Range(0, _settings.MaxTrials).Select(t => (Arm: a, Trial: t, Run: _plan.Run(a, t)))).ToList();
        var completed = store.Completed(runs.Select(r => r.Run.Key));
        var evidence = new StoreEvidence(_plan, runs.Where(r => completed.ContainsKey(r.Run.Key)).ToDictionary(r => (r.Arm, r.Trial), r => completed[r.Run.Key]), _budget);
        return (SuccessiveHalving.Replay(_settings, evidence), evidence);
    }

    private string RoundLine(HalvingOutcome outcome, int index)
    {
        var round = outcome.Rounds[index];
        var decided = outcome.Candidates.Where(c => c.Round == index && round.Candidates.Contains(c.Arm))
            .Select(c => $"{_plan.Label(c.Arm)} {c.Status.ToString().ToLowerInvariant()}{(c.Why is null ? "" : $" ({c.Why})")}").ToList();
        var measured = round.Candidates.Select(a => outcome.Candidates[a - 1])
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{_plan.Label(c.Arm)} Δ {Comparison.Headline.Signed(c.MeanDelta)}, saves {c.MeanSaved:0}%"));
        return string.Create(CultureInfo.InvariantCulture, $"tune: round {index} done ({round.Trials} trials): {string.Join("; ", measured)}")
            + (decided.Count > 0 ? " — " + string.Join("; ", decided) : "")
            + (index == outcome.Rounds.Count - 1 && outcome.Stop is { } stop ? $" — search over: {stop}" : "");
    }
}
