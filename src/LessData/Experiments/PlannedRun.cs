using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LessData.Training;

namespace LessData.Experiments;

/// <summary>One run a sweep wants: which plan cell, trial and seed, and the full config it trains with.</summary>
public sealed record PlannedRun(string Plan, string Profile, string Dataset, string ExperimentId, string Spec, int Trial, int Seed, TrainConfig Config)
{
    /// <summary>Identity in the store: the same config, cell and trial is the same run, whichever plan asked for it.</summary>
    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{Profile}|{ExperimentId}|{Trial}|{JsonSerializer.Serialize(Config, RunOutputs.Json)}")));

    public static IReadOnlyList<PlannedRun> Expand(string plan, IReadOnlyList<PlanCell> cells, string profile, TrainConfig baseConfig, int trials, int baseSeed)
    {
        if (trials < 1) throw new UserError($"--trials must be at least 1 (got {trials})");
        return [.. Enumerable.Range(0, trials).SelectMany(t => cells.Select(c =>
        {
            int seed = TrialSeeds.For(baseSeed, t);
            var config = baseConfig with
            {
                Schedule = c.Spec,
                Seed = seed,
                Selector = c.Selector ?? baseConfig.Selector,
                Subset = c.Subset ?? baseConfig.Subset,
                Stratify = c.Stratify ?? baseConfig.Stratify,
            };
            return new PlannedRun(plan, profile, config.Dataset, c.Id, c.Spec, t, seed, config);
        }))];
    }
}
