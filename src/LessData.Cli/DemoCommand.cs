using System.CommandLine;
using LessData.Sweeps;

namespace LessData.Cli;

/// <summary>
/// `lessdata demo`: README command 1. Fashion-MNIST, the cpu profile (hvc-small, 10 epochs, 6,000/2,000 images,
/// seed 1), baseline vs step:0.5@0.5 vs increment:0.25 vs cut:5, sized to finish in ≤ 10 minutes on 2 CPU cores
/// (docs/demo.md).
/// </summary>
public static class DemoCommand
{
    public static readonly string[] Schedules = ["step:0.5@0.5", "increment:0.25", "cut:5"];

    public static Command Create()
    {
        var outDir = SharedOptions.Out("Where the run folders and the summary go", Path.Combine("runs", "demo"));
        var dataDir = SharedOptions.DataDir("Folder holding Fashion-MNIST (else the usual search and download)");
        var command = new Command("demo", "Compare the paper's methods with the baseline on Fashion-MNIST (CPU-sized, ≤ 10 minutes)") { outDir, dataDir };
        command.SetAction(parse =>
        {
            var profile = SweepProfiles.Get("cpu");
            var config = profile with { Environment = profile.Environment with { DataDir = parse.GetValue(dataDir) } };
            var e = config.Experiment;
            Console.WriteLine($"LessData demo: {e.Dataset}, model {e.Model}, {e.Epochs} epochs, {e.TrainLimit} training / {e.TestLimit} test images, seed {e.Seed}");
            return CompareCommand.Execute(config, Schedules, parse.GetValue(outDir)!);
        });
        return command;
    }
}
