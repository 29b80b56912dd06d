namespace LessData.Cli;

/// <summary>Maps the libraries' parameter names (SelectionException, UserError) to this CLI's flags, for one-line error messages.</summary>
public static class FlagNames
{
    private static readonly Dictionary<string, string> s_flags = new()
    {
        ["schedule"] = "--schedule",
        ["selector"] = "--selector",
        ["targetFraction"] = "--target-fraction",
        ["unbiased"] = "--unbiased",
        ["subset"] = "--subset",
        ["stratify"] = "--stratify",
        ["epochs"] = "--epochs",
        ["batchSize"] = "--batch-size",
        ["trainSize"] = "--train-limit",
        ["seed"] = "--seed",
        [LessData.Runs.RunOutputs.OutputFolder] = "--out",
        [LessData.Store.StoreLocation.Setting] = "--store",
        [LessData.Data.DatasetCatalog.Setting] = "--dataset",
        [LessData.Runs.ResumableRun.ResumeFolder] = "--resume",
        [LessData.Models.ModelSpec.Setting] = "--model",
        [LessData.Training.OptimizerKind.Setting] = "--optimizer",
        [LessData.Training.LrScheduleKind.Setting] = "--lr-schedule",
        [LessData.Training.LrClockKind.Setting] = "--lr-clock",
        [LessData.Augmentation.AugmentationPipeline.Setting] = "--augment",
        [LessData.Data.Folders.ImageSize.Setting] = "--image-size",
        [LessData.Data.Folders.FolderSettings.TestSplitSetting] = "--test-split",
        [LessData.Data.Folders.FolderSettings.ChannelsSetting] = "--channels",
        ["learningRate"] = "--lr",
        ["warmup"] = "--warmup",
        ["momentum"] = "--momentum",
        ["nesterov"] = "--nesterov",
        ["weightDecay"] = "--weight-decay",
        ["device"] = "--device",
        ["threads"] = "--threads",
        ["finalWindow"] = "--final-window",
        ["trainLimit"] = "--train-limit",
        ["testLimit"] = "--test-limit",
        ["trials"] = "--trials",
        ["slurmTasks"] = "--slurm-tasks",
        ["slurmCpus"] = "--slurm-cpus",
        ["slurmGrace"] = "--slurm-grace",
        ["slurmTime"] = "--slurm-time",
        ["slurmPartition"] = "--slurm-partition",
        ["slurmGres"] = "--slurm-gres",
        ["slurmConstraint"] = "--slurm-constraint",
        ["slurmExtra"] = "--slurm-extra",
        ["slurmDryRun"] = "--slurm-dry-run",
        [LessData.Runs.ModelArtifact.SaveModelSetting] = "--save-model",
        [LessData.Data.DataOptions.DataDirSetting] = "--data-dir",
        [LessData.Data.Folders.FolderSettings.StrictSetting] = "--strict",
    };

    public static string For(string parameter) => s_flags.TryGetValue(parameter, out var flag) ? flag : parameter;
}
