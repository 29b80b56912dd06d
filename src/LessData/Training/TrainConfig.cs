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
    public int? TestLimit { get; init; }
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

    // Folder datasets (--dataset folder:PATH); ignored by the built-in datasets.
    /// <summary>--test-split F in (0, 1) for a folder without train/ and test/.</summary>
    public double? TestSplit { get; init; }
    /// <summary>--image-size S or HxW; null = the size all images share.</summary>
    public string? ImageSize { get; init; }
    /// <summary>--channels 1|3; null = 1 when every training image is grey, else 3.</summary>
    public int? Channels { get; init; }
    /// <summary>--strict: a file that cannot be decoded is an error instead of a skip.</summary>
    public bool Strict { get; init; }
    /// <summary>--augment none|cifar|mnist|norb; null = the dataset's own pipeline.</summary>
    public string? Augmentation { get; init; }

    // Recipe (docs/training.md).
    /// <summary>adam (the paper's) | sgd (momentum, optional Nesterov).</summary>
    public string Optimizer { get; init; } = "adam";
    public double Momentum { get; init; } = 0.9;
    public bool Nesterov { get; init; }
    public double WeightDecay { get; init; }
    /// <summary>paper (exponential decay per epoch) | cosine | onecycle.</summary>
    public string LrSchedule { get; init; } = "paper";
    /// <summary>Linear warm-up length, in epochs of the LR clock.</summary>
    public double WarmupEpochs { get; init; }
    /// <summary>epochs (progress = epochs done) | images (progress = images seen / training-set size).</summary>
    public string LrClock { get; init; } = "epochs";

    /// <summary>Write the evaluated weights (native + safetensors) and model.json into the run folder.</summary>
    public bool SaveModel { get; init; }
}
