namespace LessData.Training;

/// <summary>
/// The one immutable configuration of a training run. Defaults are the paper's (base model's code) settings.
/// Files or flags override it; it is frozen before the run and written into run.json.
/// </summary>
public sealed record TrainConfig
{
    public string Dataset { get; init; } = "fashion-mnist";
    public string? DataDir { get; init; }
    public string Schedule { get; init; } = "full";
    public string Selector { get; init; } = "random";
    /// <summary>null = the schedule's default policy (redraw for step/increment, nested for cut).</summary>
    public string? Subset { get; init; }
    public bool Stratify { get; init; }
    public string Model { get; init; } = "hvc";
    public int Epochs { get; init; } = 300;
    public int BatchSize { get; init; } = 120;
    public int Seed { get; init; } = 1;
    public int? TrainLimit { get; init; }
    /// <summary>Limits the test split of the per-epoch curve only; the final top-1 always uses the full split.</summary>
    public int? TestLimit { get; init; }
    /// <summary>
    /// The final top-1 is the mean over the last k epochs (on the full test split), at most a quarter of the run
    /// (<see cref="FinalEpochs"/>); 1 = the last epoch. Default 3: measured to halve the paired SD (docs/reports.md).
    /// </summary>
    public int FinalWindow { get; init; } = 3;

    /// <summary>Epochs in the final window: min(k, ⌊E/4⌋), at least 1, so a short run is not averaged over its early epochs.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int FinalEpochs => Math.Max(1, Math.Min(FinalWindow, Epochs / 4));
    public bool Augment { get; init; } = true;
    public double LearningRate { get; init; } = 0.001;
    public double LrDecay { get; init; } = 0.98;
    public double LrFloor { get; init; } = 1e-7;
    public double EmaDecay { get; init; } = 0.999;
    public string Device { get; init; } = "cpu";
    /// <summary>0 = leave libtorch's default.</summary>
    public int Threads { get; init; }
    public double CarbonGramsPerKwh { get; init; } = 475;
    public double DevicePowerWatts { get; init; } = 65;
    public bool TensorBoard { get; init; }
}
