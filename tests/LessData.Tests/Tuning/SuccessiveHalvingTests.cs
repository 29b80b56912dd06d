using LessData.Statistics;
using LessData.Tuning;

namespace LessData.Tests.Tuning;

/// <summary>The search's rules: a pure function of the completed runs (resume), the budget, the halving, verdicts as compare's rule decides them.</summary>
public sealed class SuccessiveHalvingTests
{
    private static HalvingSettings Settings(int k, int budget, int first = 2, int max = 8) =>
        new(k, 0.5, first, max, budget, VerdictRule.Sequential(0.5, k, first, max).Critical);

    private static IEnumerable<(int Arm, int Trial)> RunsOf(HalvingOutcome o)
    {
        var made = new HashSet<(int, int)>();
        int baseline = 0;
        var trials = new Dictionary<int, int>();
        foreach (var r in o.Rounds)
        {
            for (int t = baseline; t < r.Trials; t++) if (made.Add((0, t))) yield return (0, t);
            baseline = r.Trials;
            foreach (int a in r.Candidates)
                for (int t = trials.GetValueOrDefault(a); t < r.Trials; t++) if (made.Add((a, t))) yield return (a, t);
            foreach (int a in r.Candidates) trials[a] = r.Trials;
        }
    }

    [Fact]
    public void Replay_OnAPartOfTheRuns_PlansThePrefixOfTheSameRounds_AndAsksOnlyForMissingRuns()
    {
        // Given a finished search on simulated evidence (mixed truths)
        double[] means = [0.3, -0.4, -2.0, 0.1, -0.6];
        var settings = Settings(means.Length, budget: 40);
        var full = SuccessiveHalving.Replay(settings, new SimulatedEvidence(means, 0.4, 8, new NormalSource(5)));
        var order = RunsOf(full).ToList();
        full.Finished.Should().BeTrue();

        // When the store holds only the first m runs (a kill after m runs), for every m
        for (int m = 0; m < order.Count; m++)
        {
            var have = order.Take(m).ToHashSet();
            var partial = SuccessiveHalving.Replay(settings, new SimulatedEvidence(means, 0.4, 8, new NormalSource(5), (a, t) => have.Contains((a, t))));

            // Then the rounds so far are the full search's, and only runs not yet made are asked for
            partial.Finished.Should().BeFalse();
            partial.Rounds.Should().BeEquivalentTo(full.Rounds.Take(partial.Rounds.Count), o => o.WithStrictOrdering());
            partial.Pending.Should().NotBeEmpty().And.OnlyContain(p => !have.Contains(p) && order.Contains(p));
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(13)]
    [InlineData(40)]
    public void Runs_NeverExceedTheBudget_AndRoundZeroIsEveryArm(int budget)
    {
        var settings = Settings(2, budget);
        var o = SuccessiveHalving.Replay(settings, new SimulatedEvidence([-0.45, -0.55], 1.0, 8, new NormalSource(3)));

        o.Spent.Should().BeLessThanOrEqualTo(budget);
        RunsOf(o).Count().Should().Be((int)o.Spent);
        o.Rounds[0].Candidates.Should().Equal(1, 2);
        o.Rounds[0].Trials.Should().Be(2);
        if (budget == 6) o.Stop.Should().Be("the budget is spent");
    }

    [Fact]
    public void Halving_KeepsTheBetterHalf_ByTheWrittenRule()
    {
        // Given 4 candidates, one clearly worse than the others, and a budget for more rounds
        double[] means = [0.0, -3.0, -0.2, -0.1];
        var o = SuccessiveHalving.Replay(Settings(4, 100, first: 2, max: 8), new SimulatedEvidence(means, 0.3, 8, new NormalSource(9)));

        // Then candidate 2 (Δ −3) never reaches round 1, and round 1 runs at most half (rounded up) of the undecided
        o.Rounds.Should().HaveCountGreaterThan(1);
        o.Rounds[1].Candidates.Should().NotContain(2);
        o.Rounds[1].Candidates.Count.Should().BeLessThanOrEqualTo(2);
        o.Rounds[1].Trials.Should().Be(4, "trials double each round");
    }

    [Fact]
    public void Verdicts_AreTheRulesVerdicts_AtTheCandidatesTrials()
    {
        double[] means = [-2.0, -0.5, 0.2, 1.0]; // candidate k saves 10·k %: the best saver is clearly fine
        var evidence = new SimulatedEvidence(means, 0.5, 8, new NormalSource(21));
        var rule = VerdictRule.Sequential(0.5, 4, 2, 8);
        var o = SuccessiveHalving.Replay(new HalvingSettings(4, 0.5, 2, 8, 100, rule.Critical), evidence);

        foreach (var c in o.Candidates)
        {
            var judged = rule.Judge(PairedDifference.Of([.. Enumerable.Range(0, c.Trials).Select(t => evidence.Delta(c.Arm, t))])).Verdict;
            var expected = c.Status switch { CandidateStatus.Maintains => Verdict.Maintains, CandidateStatus.Loses => Verdict.Loses, _ => Verdict.Inconclusive };
            judged.Should().Be(expected, $"candidate {c.Arm} at {c.Trials} trials");
        }
        o.Candidates[3].Status.Should().Be(CandidateStatus.Maintains, "Δ = +1 with SD 0.5 is clear by 8 trials");
        o.Best!.Arm.Should().Be(4);
    }
}
