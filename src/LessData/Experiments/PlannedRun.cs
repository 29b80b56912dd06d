using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LessData.Data;
using LessData.Training;

namespace LessData.Experiments;

/// <summary>One run a sweep wants: which plan cell, trial and seed, and the full config it trains with.</summary>
public sealed record PlannedRun(string Plan, string Profile, string Dataset, string ExperimentId, string Spec, int Trial, int Seed, TrainConfig Config)
{
    /// <summary>
    /// Identity in the store: the same experiment, cell and trial is the same run, whichever plan asked for it and
    /// whatever the environment (data folder, threads, device, power settings) — so a rerun elsewhere resumes.
    /// </summary>
    public string Key => KeyOf(Profile, ExperimentId, Trial, Config.Experiment);

    public static string KeyOf(string profile, string experimentId, int trial, ExperimentConfig experiment) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{profile}|{experimentId}|{trial}|{JsonSerializer.Serialize(experiment, RunOutputs.Json)}")));

    /// <summary>Evaluations per run from the method's formula (the selector's prediction); null when the losses decide.</summary>
    public static long? ExpectedEvaluations(ExperimentConfig e, int trainSize) =>
        e.Selector.PredictedEvaluations(e.Schedule, e.Epochs, trainSize);

    /// <summary>Training-split size of the experiment's dataset (its limit, else the catalog's size), without loading it.</summary>
    public static int TrainSize(ExperimentConfig e) => e.TrainLimit ?? DatasetCatalog.Get(e.Dataset).TrainSize;

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
            };
            string spec = experiment.Selector.IsRandom ? c.Schedule.Spec : $"{c.Schedule.Spec} + {experiment.Selector.Spec}";
            return new PlannedRun(plan, profile, experiment.Dataset, c.Id, spec, t, seed, baseConfig with { Experiment = experiment });
        }))];
    }
}
