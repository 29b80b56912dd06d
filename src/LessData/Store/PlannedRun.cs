using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LessData.Data;
using LessData.Data.Folders;
using LessData.Runs;
using LessData.Training;

namespace LessData.Store;

/// <summary>One run a sweep wants: which plan cell, trial and seed, and the full config it trains with.</summary>
public sealed record PlannedRun(string Plan, string Profile, string Dataset, string ExperimentId, string Spec, int Trial, int Seed, TrainConfig Config)
{
    /// <summary>
    /// Identity in the store: the same experiment, cell and trial is the same run, whichever plan asked for it and
    /// whatever the environment (data folder, threads, device, power settings) — so a rerun elsewhere resumes.
    /// </summary>
    public string Key => KeyOf(Profile, ExperimentId, Trial, Config.Experiment);

    internal static string KeyOf(string profile, string experimentId, int trial, ExperimentConfig experiment) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{profile}|{experimentId}|{trial}|{JsonSerializer.Serialize(experiment, RunOutputs.Json)}")));

    /// <summary>Evaluations per run from the method's formula (the selector's prediction); null when the losses decide.</summary>
    public static long? ExpectedEvaluations(ExperimentConfig e, int trainSize) =>
        e.Selector.PredictedEvaluations(e.Schedule, e.Epochs, trainSize);

    /// <summary>
    /// Training-split size of the experiment's dataset, without loading it: its limit, else the catalog's size, else
    /// (folder:PATH) the image files its training split holds (undecodable files included: an upper bound).
    /// </summary>
    public static int TrainSize(ExperimentConfig e) => e.TrainLimit
        ?? (e.Dataset.Folder is { } folder
            ? FolderLayout.Scan(folder.Existing().Path, new FolderSettings(e.TestSplit, e.ImageSize, e.Channels, Strict: false, e.Seed).Validated()).Train.Count
            : DatasetCatalog.Get(e.Dataset).TrainSize);
}
