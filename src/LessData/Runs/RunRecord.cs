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
/// Everything one run produced: what run.json holds. The CLI reads its config, epochs and totals; the provenance, the
/// data description and the resumable-run status are written to run.json and read back by the core only.
/// Status and Failure are written by `train`'s resumable runs (<see cref="ResumableRun"/>) and left out otherwise; a
/// run.json without a status is a completed run.
/// </summary>
public sealed record RunRecord
{
    [JsonConstructor]
    internal RunRecord(TrainConfig Config, RunProvenance Provenance, IReadOnlyList<EpochRecord> Epochs, RunTotals Totals,
        RunData? Data = null, RunState? Status = null, string? Failure = null) =>
        (this.Config, this.Provenance, this.Epochs, this.Totals, this.Data, this.Status, this.Failure) = (Config, Provenance, Epochs, Totals, Data, Status, Failure);

    /// <summary>The recipe and environment the run trained with.</summary>
    public TrainConfig Config { get; init; }

    /// <summary>Where, when and with what the run trained: git commit, versions, machine, command line.</summary>
    [JsonInclude]
    internal RunProvenance Provenance { get; init; }

    /// <summary>One record per finished epoch.</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; init; }

    /// <summary>The run's totals: evaluations, time, final top-1, energy and CO2.</summary>
    public RunTotals Totals { get; init; }

    /// <summary>What the model was trained on, beyond the config (classes, pipeline, normalisation, folder summary).</summary>
    [JsonInclude]
    internal RunData? Data { get; init; }

    /// <summary>The resumable run's state; null for a completed run written at the end.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal RunState? Status { get; init; }

    /// <summary>Why a failed resumable run failed.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal string? Failure { get; init; }
}
