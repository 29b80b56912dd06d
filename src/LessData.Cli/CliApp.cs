using System.CommandLine;
using System.CommandLine.Help;
using LessData.Store;
using Spectre.Console;

namespace LessData.Cli;

/// <summary>
/// The whole `lessdata` command line. Program.cs runs it with <see cref="WorkerSeams.Production"/>; a test-only host
/// (tests/LessData.FaultHost) runs the same commands with its own node name and fault injector.
/// </summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code.</summary>
    public static int Run(string[] args, WorkerSeams seams)
    {
        // Redirected output (logs, CI) gets wide tables instead of Spectre's 80-column default.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        return CliRunner.Invoke(Root(seams), args);
    }

    /// <summary>The program's name in usage lines and messages.</summary>
    public const string Name = "lessdata";

    /// <summary>
    /// Every command, the ones that claim runs (compare, sweep, worker) with <paramref name="seams"/>. The root is a
    /// command named <see cref="Name"/> with help and version options: System.CommandLine's RootCommand takes its
    /// name from the entry assembly (LessData.Cli) and cannot be renamed, so its usage line would not be the one a user types.
    /// </summary>
    public static Command Root(WorkerSeams seams) => new(Name, "LessData: train image classifiers on less data per epoch (Sanderson & Kalganova, arXiv 2208.02007).")
    {
        new HelpOption(),
        new VersionOption(),
        TrainCommand.Create(),
        EvaluateCommand.Create(),
        PredictCommand.Create(),
        CompareCommand.Create(seams),
        TuneCommand.Create(seams),
        DemoCommand.Create(),
        DatasetsCommand.Create(),
        SweepCommand.Create(seams),
        WorkerCommand.Create(seams),
        StoreCommand.Create(),
        ReportCommand.Create(),
        BenchCommand.Create(),
    };
}
