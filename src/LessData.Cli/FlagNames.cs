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
    };

    public static string For(string parameter) => s_flags.TryGetValue(parameter, out var flag) ? flag : parameter;
}
