using System.Text.Json.Serialization;
using LessData.Selection;

namespace LessData.Training;

/// <summary>
/// What defines an experiment: the data, the selection stage, the model and the recipe. Only this names a run (the
/// sweep key hashes it), so the same experiment run on another machine, data folder or thread count is the same run.
/// Specs are typed: they are parsed once, at the boundary, and print back to their canonical strings in run.json.
/// Defaults are the paper's (base model's code) settings.
/// </summary>
public sealed record ExperimentConfig
{
    public string Dataset { get; init; } = "fashion-mnist";
    public int? TrainLimit { get; init; }
    /// <summary>Limits the test split of the per-epoch curve only; the final top-1 always uses the full split.</summary>
    public int? TestLimit { get; init; }
    /// <summary>
    /// The final top-1 is the mean over the last k epochs (on the full test split), at most a quarter of the run
    /// (<see cref="FinalEpochs"/>); 1 = the last epoch. Default 3: measured to halve the paired SD (docs/reports.md).
    /// </summary>
    public int FinalWindow { get; init; } = 3;
    public ISchedule Schedule { get; init; } = new FullSchedule();
    public ISelector Selector { get; init; } = new RandomSelector();
    /// <summary>null = the schedule's default policy (redraw for step/increment, nested for cut).</summary>
    public SubsetPolicy? Subset { get; init; }
    public bool Stratify { get; init; }
    public string Model { get; init; } = "hvc";
    public int Epochs { get; init; } = 300;
    public int BatchSize { get; init; } = 120;
    public int Seed { get; init; } = 1;
    public bool Augment { get; init; } = true;
    public double LearningRate { get; init; } = 0.001;
    public double LrDecay { get; init; } = 0.98;
    public double LrFloor { get; init; } = 1e-7;
    public double EmaDecay { get; init; } = 0.999;

    /// <summary>Epochs in the final window: min(k, ⌊E/4⌋), at least 1, so a short run is not averaged over its early epochs.</summary>
    [JsonIgnore]
    public int FinalEpochs => Math.Max(1, Math.Min(FinalWindow, Epochs / 4));

    /// <summary>The subset policy in force: the chosen one, else the schedule's own.</summary>
    [JsonIgnore]
    public SubsetPolicy Policy => Subset ?? Schedule.DefaultPolicy;
}
