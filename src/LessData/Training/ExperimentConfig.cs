using System.Text.Json.Serialization;
using LessData.Augmentation;
using LessData.Data;
using LessData.Data.Folders;
using LessData.Models;
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
    /// <summary>A built-in dataset or folder:PATH.</summary>
    public DatasetSpec Dataset { get; init; } = DatasetSpec.Parse("fashion-mnist");
    /// <summary>Trains on a class-balanced subset of this many images; null = the whole training split.</summary>
    public int? TrainLimit { get; init; }
    /// <summary>Limits the test split of the per-epoch curve only; the final top-1 always uses the full split.</summary>
    public int? TestLimit { get; init; }
    /// <summary>
    /// The final top-1 is the mean over the last k epochs (on the full test split), at most a quarter of the run
    /// (<see cref="FinalEpochs"/>); 1 = the last epoch. Default 3: measured to halve the paired SD (docs/reports.md).
    /// </summary>
    public int FinalWindow { get; init; } = 3;
    /// <summary>The selection schedule: how many images each epoch trains on (full, step, increment, cut).</summary>
    public ISchedule Schedule { get; init; } = Schedules.Full();
    /// <summary>The selector: which images an epoch trains on (random, loss, infobatch).</summary>
    public ISelector Selector { get; init; } = Selectors.Random();
    /// <summary>null = the schedule's default policy (redraw for step/increment, nested for cut).</summary>
    public SubsetPolicy? Subset { get; init; }
    /// <summary>Whether each epoch's subset keeps the class proportions.</summary>
    public bool Stratify { get; init; }
    /// <summary>The model and its options, e.g. hvc-small or hvc:depth=7.</summary>
    public ModelSpec Model { get; init; } = ModelSpec.Parse("hvc");
    /// <summary>Training epochs.</summary>
    public int Epochs { get; init; } = 300;
    /// <summary>Images per training step.</summary>
    public int BatchSize { get; init; } = 120;
    /// <summary>The seed of the run: subset, selection, augmentation and initialisation.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Whether to augment training batches.</summary>
    public bool Augment { get; init; } = true;
    /// <summary>The peak learning rate.</summary>
    public double LearningRate { get; init; } = 0.001;
    /// <summary>The paper schedule's decay factor per epoch of the LR clock.</summary>
    public double LrDecay { get; init; } = 0.98;
    /// <summary>The paper schedule's lowest learning rate.</summary>
    public double LrFloor { get; init; } = 1e-7;
    /// <summary>Decay of the exponential moving average of the weights that is evaluated.</summary>
    public double EmaDecay { get; init; } = 0.999;

    // Folder datasets (folder:PATH); null = inferred. They change what is trained, so they are identity.
    /// <summary>The test split F in (0, 1) for a folder without train/ and test/.</summary>
    public double? TestSplit { get; init; }
    /// <summary>The size every image is resized to; null = the size all images share.</summary>
    public ImageSize? ImageSize { get; init; }
    /// <summary>1 or 3 channels; null = 1 when every training image is grey, else 3.</summary>
    public int? Channels { get; init; }
    /// <summary>The augmentation pipeline; null = the dataset's own.</summary>
    public AugmentationPipeline? Augmentation { get; init; }

    // Recipe (docs/training.md).
    /// <summary>adam (the paper's) | sgd (momentum, optional Nesterov).</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;
    /// <summary>Whether SGD uses Nesterov momentum.</summary>
    public bool Nesterov { get; init; }
    /// <summary>Weight decay (L2) of the optimizer; 0 = none.</summary>
    public double WeightDecay { get; init; }
    /// <summary>paper (exponential decay per epoch) | cosine | onecycle.</summary>
    public LrScheduleKind LrSchedule { get; init; } = LrScheduleKind.Paper;
    /// <summary>Linear warm-up length, in epochs of the LR clock.</summary>
    public double WarmupEpochs { get; init; }
    /// <summary>What the LR schedule's progress counts: epochs done, or the share of the run's own images seen.</summary>
    public LrClockKind LrClock { get; init; } = LrClockKind.Epochs;

    /// <summary>Epochs in the final window: min(k, ⌊E/4⌋), at least 1, so a short run is not averaged over its early epochs.</summary>
    [JsonIgnore]
    public int FinalEpochs => Math.Max(1, Math.Min(FinalWindow, Epochs / 4));

    /// <summary>The subset policy in force: the chosen one, else the schedule's own.</summary>
    [JsonIgnore]
    public SubsetPolicy Policy => Subset ?? Schedule.DefaultPolicy;
}
