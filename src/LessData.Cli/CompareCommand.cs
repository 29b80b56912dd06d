using System.CommandLine;
using LessData.Experiments;
using LessData.Selection;
using LessData.Training;

namespace LessData.Cli;

/// <summary>`lessdata compare`: the baseline and one or more schedules on the same data and seed, as one table.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var options = new TrainOptions();
        var schedules = new Option<string[]>("--schedules") { Description = "Schedules to compare with the full-data baseline", AllowMultipleArgumentsPerToken = true, Required = true };
        var outDir = new Option<string?>("--out") { Description = "Folder for the run folders and the summary (default: runs/compare)" };
        var command = new Command("compare", "Run the baseline and each schedule on the same data and seed; print the comparison table");
        options.AddTo(command, includeSchedule: false);
        command.Add(schedules);
        command.Add(outDir);
        command.SetAction(parse => Execute(options.Bind(parse), parse.GetValue(schedules)!, parse.GetValue(outDir) ?? Path.Combine("runs", "compare")));
        return command;
    }

    public static int Execute(TrainConfig baseConfig, IReadOnlyList<string> schedules, string outDir)
    {
        var configs = Comparison.Configs(baseConfig, schedules.Select(ScheduleParser.Parse));
        var (rows, records) = Comparison.Run(configs, c => Path.Combine(outDir, RunNames.For(c)),
            (i, config, run) => ProgressDisplay.Run($"[{i + 1}/{configs.Count}] {config.Experiment.Schedule.Spec}", run),
            CommandLine.Current());
        ComparisonTable.Print(rows);
        var summary = ComparisonSummary.Write(outDir, rows, records, CommandLine.Current());
        Console.WriteLine($"wrote {summary} and {records.Count} run folders under {outDir}");
        return 0;
    }
}
