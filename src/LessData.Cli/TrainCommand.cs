using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LessData.Runs;
using LessData.Training;

namespace LessData.Cli;

/// <summary>
/// `lessdata train`: one run; run.json and epochs.csv in --out are rewritten after every epoch (status running) next
/// to the checkpoint. Ctrl-C or SIGTERM stops after the current batch (status interrupted, exit 130/143);
/// `--resume DIR` continues from the last finished epoch.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var options = new TrainOptions();
        var outDir = SharedOptions.Out("Run folder (default: runs/<dataset>-<schedule>-s<seed>)");
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue the interrupted run in this folder from its last finished epoch, as its run.json records it (only environment flags may be given: "
                + string.Join(", ", EnvironmentFlags) + ")",
        };
        var command = new Command("train", "Train one model with a data-selection schedule and write run.json / epochs.csv (Ctrl-C stops after the batch; --resume continues)");
        options.AddTo(command, saveModelByDefault: true);
        command.Add(outDir);
        command.Add(resume);
        command.SetAction(parse =>
        {
            using var stop = new StopSignals();
            string? resumeFolder = parse.GetValue(resume);
            string folder;
            RunRecord record;
            try
            {
                if (resumeFolder is null)
                {
                    var config = options.Bind(parse);
                    folder = parse.GetValue(outDir) ?? Path.Combine("runs", RunNames.For(config));
                    record = ProgressDisplay.Run(config.Experiment.Schedule.Spec, observer =>
                        ResumableRun.Start(config, folder, observer, stop.Token, CommandLine.Current()));
                }
                else
                {
                    folder = resumeFolder;
                    CheckOnlyEnvironmentFlags(parse, resume.Name);
                    var saved = ResumableRun.Open(folder);
                    var environment = ResumedEnvironment(saved.Config.Environment, options.Bind(parse).Environment, Given(parse));
                    Console.Error.WriteLine($"lessdata: resuming {folder} after {saved.Epochs.Count} of {saved.Config.Experiment.Epochs} epochs");
                    record = ProgressDisplay.Run(saved.Config.Experiment.Schedule.Spec, observer =>
                        ResumableRun.Continue(folder, saved, environment, observer, stop.Token, CommandLine.Current()));
                }
            }
            catch (RunInterruptedException interrupted)
            {
                Console.Error.WriteLine($"lessdata: interrupted after {interrupted.EpochsDone} of {interrupted.Epochs} epochs; resume with: lessdata train --resume {Quote(interrupted.Folder)}");
                return stop.ExitCode;
            }
            var t = record.Totals;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{record.Config.Experiment.Schedule.Spec}: top-1 {t.Top1 * 100:F2}% (best {t.BestTop1 * 100:F2}%), evaluations {t.Evaluations}, training {t.TrainSeconds:F1} s, {t.Co2Grams:F3} g CO2 ({t.EnergySource})"));
            Console.WriteLine(record.Config.Environment.SaveModel
                ? $"wrote {Path.Combine(folder, "run.json")}, epochs.csv, model.json, model.bin and model.safetensors"
                : $"wrote {Path.Combine(folder, "run.json")} and epochs.csv");
            return 0;
        });
        return command;
    }

    /// <summary>The flags a resumed run may change: where and how it runs, never what it trains.</summary>
    private static readonly string[] EnvironmentFlags = ["--data-dir", "--device", "--threads", "--carbon-intensity", "--device-power", "--tensorboard", "--save-model", "--conv-path"];

    private static HashSet<string> Given(ParseResult parse) =>
        [.. parse.CommandResult.Children.OfType<OptionResult>().Where(r => !r.Implicit).Select(r => r.Option.Name)];

    private static void CheckOnlyEnvironmentFlags(ParseResult parse, string resumeFlag)
    {
        var other = Given(parse).Where(f => f != resumeFlag && !EnvironmentFlags.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (other.Count > 0)
            throw new UserError($"{resumeFlag} continues the run as its run.json records it, so {string.Join(", ", other)} cannot be given with it (only {string.Join(", ", EnvironmentFlags)})");
    }

    private static RunEnvironment ResumedEnvironment(RunEnvironment saved, RunEnvironment flags, HashSet<string> given) => saved with
    {
        DataDir = given.Contains("--data-dir") ? flags.DataDir : saved.DataDir,
        Device = given.Contains("--device") ? flags.Device : saved.Device,
        Threads = given.Contains("--threads") ? flags.Threads : saved.Threads,
        CarbonGramsPerKwh = given.Contains("--carbon-intensity") ? flags.CarbonGramsPerKwh : saved.CarbonGramsPerKwh,
        DevicePowerWatts = given.Contains("--device-power") ? flags.DevicePowerWatts : saved.DevicePowerWatts,
        TensorBoard = given.Contains("--tensorboard") ? flags.TensorBoard : saved.TensorBoard,
        SaveModel = given.Contains("--save-model") ? flags.SaveModel : saved.SaveModel,
        ConvolutionPath = given.Contains("--conv-path") ? flags.ConvolutionPath : saved.ConvolutionPath,
    };

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '\\') ? $"'{path.Replace("'", "'\\''")}'" : path;
}
