using LessData.Training;

namespace LessData.Cli;

/// <summary>Folder names for runs: dataset, schedule and seed, safe on every file system.</summary>
public static class RunNames
{
    public static string For(TrainConfig c)
    {
        var schedule = new string(c.Schedule.Select(ch => char.IsLetterOrDigit(ch) || ch == '.' ? ch : '_').ToArray());
        var selector = c.Selector == "random" ? "" : "-" + c.Selector;
        return $"{c.Dataset}-{schedule}{selector}-s{c.Seed}";
    }
}
