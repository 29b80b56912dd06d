using LessData.Training;

namespace LessData.Cli;

/// <summary>Folder names for runs: dataset, schedule and seed, safe on every file system.</summary>
public static class RunNames
{
    public static string For(TrainConfig config)
    {
        var c = config.Experiment;
        var schedule = Safe(c.Schedule.Spec);
        var selector = c.Selector.IsRandom ? "" : "-" + Safe(c.Selector.Spec);
        var dataset = c.Dataset.IsFolder
            ? "folder-" + Safe(Path.GetFileName(c.Dataset.FolderText!.TrimEnd('/')))
            : c.Dataset.ToString();
        return $"{dataset}-{schedule}{selector}-s{c.Seed}";
    }

    private static string Safe(string text) => new(text.Select(ch => char.IsLetterOrDigit(ch) || ch == '.' ? ch : '_').ToArray());
}
