namespace LessData.Cli;

/// <summary>The command as the user typed it, for provenance in run.json and reports.</summary>
public static class CommandLine
{
    public static string Current() =>
        "./lessdata " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
}
