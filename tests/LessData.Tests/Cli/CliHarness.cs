using System.CommandLine;
using LessData.Cli;

namespace LessData.Tests.Cli;

/// <summary>Runs CLI commands in-process as `lessdata` would, capturing the exit code, standard output and error.</summary>
internal static class CliHarness
{
    private static readonly Lock s_console = new(); // Console.Out is process-wide: one capturing command at a time

    /// <param name="commands">The commands the root offers.</param>
    /// <param name="args">The command line.</param>
    /// <param name="captureConsole">Also capture what the command writes to Console.Out directly (tables, progress).</param>
    public static (int Exit, string Out, string Err) Run(Command[] commands, string[] args, bool captureConsole = false)
    {
        var root = new RootCommand();
        foreach (var c in commands) root.Add(c);
        var output = new StringWriter();
        var error = new StringWriter();
        if (!captureConsole) return (CliRunner.Invoke(root, args, output, error), output.ToString(), error.ToString());
        lock (s_console)
        {
            var console = Console.Out;
            Console.SetOut(output);
            try
            {
                int exit = CliRunner.Invoke(root, args, output, error);
                return (exit, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(console);
            }
        }
    }
}
