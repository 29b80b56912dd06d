using System.Text.Json.Serialization;
using LessData.Provenance;
using LessData.Training;

namespace LessData.Runs;

/// <summary>
/// run.json "totals". Top1 is the final top-1 estimator: the mean of FinalTop1 over the last FinalWindow epochs, on
/// FinalTestImages test images (the full split), with its test-sampling standard error √(p(1 − p)/n).
/// EnergyKwh and Co2Grams cover every epoch (selection, training, evaluation); TrainEnergyKwh and TrainCo2Grams the
/// training steps only — the paper's claim is CO2 ∝ training runtime. TotalSeconds sums the epochs' wall time.
/// </summary>
public sealed record RunTotals(
    long Evaluations, double TrainSeconds, double TotalSeconds, double Top1, double BestTop1,
    double EnergyKwh, double Co2Grams, string EnergySource,
    double TrainEnergyKwh = double.NaN, double TrainCo2Grams = double.NaN, double Top1StdErr = double.NaN,
    int FinalTestImages = 0, int FinalWindow = 1, double LastEpochTop1 = double.NaN, string? Top1Definition = null);

/// <summary>
/// Everything one run produced: what run.json holds. Status and Failure are written by `train`'s resumable runs
/// (<see cref="ResumableRun"/>) and left out otherwise; a run.json without a status is a completed run.
/// </summary>
public sealed record RunRecord(TrainConfig Config, RunProvenance Provenance, IReadOnlyList<EpochRecord> Epochs, RunTotals Totals,
    RunData? Data = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RunState? Status = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Failure = null);
