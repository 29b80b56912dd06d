using System.CommandLine;
using LessData.Cli;
using Spectre.Console;

// Redirected output (logs, CI) gets wide tables instead of Spectre's 80-column default.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;

var root = new RootCommand("LessData: train image classifiers on less data per epoch (Sanderson & Kalganova, arXiv 2208.02007).")
{
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    PredictCommand.Create(),
    CompareCommand.Create(),
    DemoCommand.Create(),
    DatasetsCommand.Create(),
    SweepCommand.Create(),
    WorkerCommand.Create(),
    StoreCommand.Create(),
    ReportCommand.Create(),
    BenchCommand.Create(),
};
return CliRunner.Invoke(root, args);
