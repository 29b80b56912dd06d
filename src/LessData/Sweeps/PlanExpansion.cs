using LessData.Store;
using LessData.Training;

namespace LessData.Sweeps;

/// <summary>A plan's cells times its trials: the runs a sweep queues, each with its trial's seed and full config.</summary>
internal static class PlanExpansion
{
    /// <summary>
    /// One <see cref="PlannedRun"/> per trial and cell of <paramref name="plan"/>, trial-major; trial t trains with seed
    /// <see cref="TrialSeeds.For"/>(<paramref name="baseSeed"/>, t).
    /// </summary>
    public static IReadOnlyList<PlannedRun> Expand(string plan, IReadOnlyList<PlanCell> cells, string profile, TrainConfig baseConfig, int trials, int baseSeed)
    {
        if (trials < 1) throw new UserError($"must be at least 1 (got {trials})", parameter: "trials");
        return [.. Enumerable.Range(0, trials).SelectMany(t => cells.Select(c =>
        {
            int seed = TrialSeeds.For(baseSeed, t);
            var b = baseConfig.Experiment;
            var experiment = b with
            {
                Schedule = c.Schedule,
                Seed = seed,
                // The Baseline is full + random whatever selector the sweep gives the other cells (as in compare).
                Selector = c.Selector ?? (c.Id == SweepPlans.Baseline.Id ? Selection.Selectors.Random() : b.Selector),
                Subset = c.Subset ?? b.Subset,
                Stratify = c.Stratify ?? b.Stratify,
                LrSchedule = c.LrSchedule ?? b.LrSchedule,
                LrClock = c.LrClock ?? b.LrClock,
            };
            string spec = experiment.Selector.IsRandom ? c.Schedule.Spec : $"{c.Schedule.Spec} + {experiment.Selector.Spec}";
            if (c.LrSchedule is not null || c.LrClock is not null) spec += $" (lr {experiment.LrSchedule}, {experiment.LrClock} clock)";
            return new PlannedRun(plan, profile, experiment.Dataset, c.Id, spec, t, seed, baseConfig with { Experiment = experiment });
        }))];
    }
}
