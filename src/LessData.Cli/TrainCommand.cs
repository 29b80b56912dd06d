using System.CommandLine;
using System.Globalization;
using LessData.Experiments;

namespace LessData.Cli;

/// <summary>`lessdata train`: one run; writes run.json and epochs.csv into --out.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var options = new TrainOptions();
        var outDir = new Option<string?>("--out") { Description = "Run folder (default: runs/<dataset>-<schedule>-s<seed>)" };
        var command = new Command("train", "Train one model with a data-selection schedule and write run.json / epochs.csv");
        options.AddTo(command);
        command.Add(outDir);
        command.SetAction(parse =>
        {
            var config = options.Bind(parse);
            var folder = parse.GetValue(outDir) ?? Path.Combine("runs", RunNames.For(config));
            var record = ProgressDisplay.Run(config.Experiment.Schedule.Spec, observer =>
                RunPipeline.Run(config, folder, observer, CancellationToken.None, commandLine: CommandLine.Current()));
            var t = record.Totals;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{config.Experiment.Schedule.Spec}: top-1 {t.Top1 * 100:F2}% (best {t.BestTop1 * 100:F2}%), evaluations {t.Evaluations}, training {t.TrainSeconds:F1} s, {t.Co2Grams:F3} g CO2 ({t.EnergySource})"));
            Console.WriteLine($"wrote {Path.Combine(folder, "run.json")} and epochs.csv");
            return 0;
        });
        return command;
    }
}
