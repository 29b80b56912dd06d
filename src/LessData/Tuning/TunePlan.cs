using LessData.Comparison;
using LessData.Selection;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;

namespace LessData.Tuning;

/// <summary>
/// The runs `tune` may make: arm 0 is the baseline (the recipe at the full schedule, random selector, the recipe's
/// LR clock), arm i the recipe changed by candidate i (<see cref="TuneCandidate.Apply"/>). Trial t of every arm
/// uses seed = recipe seed + t. Store keys: profile "tune", experiment "Baseline" or the candidate's spec, so a
/// rerun with the same arguments (candidates in any order) finds its runs.
/// </summary>
internal sealed record TunePlan(TrainConfig Baseline, CandidateSet Candidates, IReadOnlyList<TrainConfig> Configs, LrClockKind? CandidateClock)
{
    public const string Name = "tune", BaselineId = "Baseline";

    public static TunePlan Of(TrainConfig recipe, CandidateSet candidates, LrClockKind? candidateClock)
    {
        var baseline = recipe with { Experiment = recipe.Experiment with { Schedule = Schedules.Full(), Selector = Selectors.Random() } };
        return new TunePlan(baseline, candidates, [.. candidates.Items.Select(c => c.Apply(recipe, candidateClock))], candidateClock);
    }

    /// <summary>Arms: the baseline and the candidates.</summary>
    public int Arms => Candidates.Count + 1;

    public TrainConfig Config(int arm) => arm == 0 ? Baseline : Configs[arm - 1];

    /// <summary>The label of an arm: "Baseline", or the candidate's spec with its LR clock when that differs from the baseline's.</summary>
    public string Label(int arm)
    {
        if (arm == 0) return BaselineId;
        var clock = Configs[arm - 1].Experiment.LrClock;
        return Candidates.Items[arm - 1].Spec + (clock == Baseline.Experiment.LrClock && CandidateClock is null ? "" : $" ({clock} clock)");
    }

    public PlannedRun Run(int arm, int trial)
    {
        int seed = TrialSeeds.For(Baseline.Experiment.Seed, trial);
        var config = Config(arm);
        config = config with { Experiment = config.Experiment with { Seed = seed } };
        var e = config.Experiment;
        string id = arm == 0 ? BaselineId : Candidates.Items[arm - 1].Spec;
        return new PlannedRun(Name, Name, e.Dataset, id, ComparisonRow.Label(e.Schedule.Spec, e.Selector.Spec, e.Model, Baseline.Experiment.Model), trial, seed, config);
    }
}
