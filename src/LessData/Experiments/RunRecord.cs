using LessData.Training;

namespace LessData.Experiments;

/// <summary>run.json "totals".</summary>
public sealed record RunTotals(
    long Evaluations, double TrainSeconds, double TotalSeconds, double Top1, double BestTop1,
    double EnergyKwh, double Co2Grams, string EnergySource);

/// <summary>Provenance written next to the config: git commit and package versions.</summary>
public sealed record Provenance(string GitCommit, IReadOnlyDictionary<string, string> Versions, string Machine, string CommandLine);

/// <summary>Everything one run produced: what run.json holds.</summary>
public sealed record RunRecord(TrainConfig Config, Provenance Provenance, IReadOnlyList<EpochRecord> Epochs, RunTotals Totals);
