using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LessData.Selection;
using LessData.Training;

namespace LessData.Experiments;

/// <summary>One run a sweep wants: which plan cell, trial and seed, and the full config it trains with.</summary>
public sealed record PlannedRun(string Plan, string Profile, string Dataset, string ExperimentId, string Spec, int Trial, int Seed, TrainConfig Config)
{
    /// <summary>Identity in the store: the same config, cell and trial is the same run, whichever plan asked for it.</summary>
    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{Profile}|{ExperimentId}|{Trial}|{JsonSerializer.Serialize(Config, RunOutputs.Json)}")));

    /// <summary>
    /// Evaluations per run from the methods' formulas: the schedule's, or with InfoBatch and a target fraction T,
    /// round(T·E·n); null when the selector sets the size from the losses (InfoBatch without a target).
    /// </summary>
    public static long? ExpectedEvaluations(TrainConfig config, int trainSize) =>
        SelectorParser.Parse(config.Selector) switch
        {
            InfoBatchSelector { TargetFraction: { } t } => (long)Math.Round(t * config.Epochs * trainSize, MidpointRounding.AwayFromZero),
            InfoBatchSelector => null,
            _ => ScheduleParser.Parse(config.Schedule).PredictedEvaluations(config.Epochs, trainSize),
        };

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
                Selector = SelectorParser.Parse(c.Selector ?? baseConfig.Selector).Name,
                Subset = c.Subset ?? baseConfig.Subset,
                Stratify = c.Stratify ?? baseConfig.Stratify,
            };
            string spec = config.Selector == "random" ? c.Spec : $"{c.Spec} + {config.Selector}";
            return new PlannedRun(plan, profile, config.Dataset, c.Id, spec, t, seed, config);
        }))];
    }
}
