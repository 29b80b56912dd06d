namespace LessData;

/// <summary>
/// The names the core's errors give the settings a user sets (<see cref="UserError.Parameter"/>), in library words;
/// the CLI maps each to its flag. Each value is owned by the type that checks the setting.
/// </summary>
public static class Parameters
{
    /// <summary>The folder a run writes its outputs to.</summary>
    public const string OutputFolder = Runs.RunOutputs.OutputFolder;

    /// <summary>The results store (a SQLite path or a PostgreSQL URL).</summary>
    public const string Store = LessData.Store.StoreLocation.Setting;

    /// <summary>The dataset: a catalog name or a folder spec.</summary>
    public const string Dataset = Data.DatasetCatalog.Setting;

    /// <summary>The folder of an interrupted run to resume.</summary>
    public const string ResumeFolder = Runs.ResumableRun.ResumeFolder;

    /// <summary>The model spec.</summary>
    public const string Model = Models.ModelSpec.Setting;

    /// <summary>The optimizer.</summary>
    public const string Optimizer = Training.OptimizerKind.Setting;

    /// <summary>The learning-rate schedule.</summary>
    public const string LrSchedule = Training.LrScheduleKind.Setting;

    /// <summary>The clock the learning-rate schedule runs on.</summary>
    public const string LrClock = Training.LrClockKind.Setting;

    /// <summary>The augmentation pipeline.</summary>
    public const string Augmentation = LessData.Augmentation.AugmentationPipeline.Setting;

    /// <summary>The size a folder dataset's images are resized to.</summary>
    public const string ImageSize = Data.Folders.ImageSize.Setting;

    /// <summary>The share of a folder dataset held out for testing.</summary>
    public const string TestSplit = Data.Folders.FolderSettings.TestSplitSetting;

    /// <summary>The channels a folder dataset's images are read with.</summary>
    public const string Channels = Data.Folders.FolderSettings.ChannelsSetting;

    /// <summary>Whether a folder dataset refuses unreadable images instead of skipping them.</summary>
    public const string Strict = Data.Folders.FolderSettings.StrictSetting;

    /// <summary>Where a trained model is saved.</summary>
    public const string SaveModel = Runs.ModelArtifact.SaveModelSetting;

    /// <summary>The folder the datasets are looked for in first.</summary>
    public const string DataDir = Data.DataOptions.DataDirSetting;
}
