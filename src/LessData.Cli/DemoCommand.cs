using System.CommandLine;
using LessData.Training;

namespace LessData.Cli;

/// <summary>
/// `lessdata demo`: README command 1. Fashion-MNIST, hvc-small, baseline vs step:0.5@0.5 vs increment:0.25 vs cut:5,
/// sized to finish in ≤ 10 minutes on 2 CPU cores (sizes measured in docs/demo.md).
/// </summary>
public static class DemoCommand
{
    public static readonly TrainConfig Preset = new()
    {
        Dataset = "fashion-mnist",
        Model = "hvc-small",
        Epochs = 10,
        TrainLimit = 6000,
        TestLimit = 2000,
        Seed = 1,
        Threads = 2,
    };

    public static readonly string[] Schedules = ["step:0.5@0.5", "increment:0.25", "cut:5"];

    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Where the run folders and the summary go", DefaultValueFactory = _ => Path.Combine("runs", "demo") };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder holding Fashion-MNIST (else the usual search and download)" };
        var command = new Command("demo", "Compare the paper's methods with the baseline on Fashion-MNIST (CPU-sized, ≤ 10 minutes)") { outDir, dataDir };
        command.SetAction(parse =>
        {
            var config = Preset with { DataDir = parse.GetValue(dataDir) };
            Console.WriteLine($"LessData demo: {config.Dataset}, model {config.Model}, {config.Epochs} epochs, {config.TrainLimit} training / {config.TestLimit} test images, seed {config.Seed}");
            return CompareCommand.Execute(config, Schedules, parse.GetValue(outDir)!);
        });
        return command;
    }
}
