using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LessData.Tests.Integration;

/// <summary>
/// The real CLI (the Release build's LessData.Cli.dll) as a child process, its stdout and stderr lines collected; or,
/// with <see cref="FaultHostDll"/>, the same commands through the test-only host that reads LESSDATA_HOST and
/// LESSDATA_FAULT_PAUSE (tests/LessData.FaultHost).
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    public static string RepoRoot { get; } = FindRoot();
    public static string Dll => Path.Combine(RepoRoot, "src", "LessData.Cli", "bin", "Release", "net10.0", "LessData.Cli.dll");

    /// <summary>The test-only host: the CLI's commands with a node name and fault injector from the environment.</summary>
    public static string FaultHostDll => Path.Combine(RepoRoot, "tests", "LessData.FaultHost", "bin", "Release", "net10.0", "LessData.FaultHost.dll");

    /// <param name="entry">The program to start: <see cref="Dll"/> (the default) or <see cref="FaultHostDll"/>.</param>
    public CliProcess(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string? entry = null)
    {
        // Through env(1) with SIGINT back at its default: a test host started in the background (`cmd &` in a script, as CI
        // may) inherits SIGINT ignored, exec keeps it ignored, and the child would never see the Ctrl-C a test sends.
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(entry ?? Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment.Remove("LESSDATA_STORE");
        info.Environment.Remove("LESSDATA_FAULT_PAUSE");
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;
    public string Output => string.Join('\n', _lines);

    public bool WaitForLine(string pattern, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_lines.Any(l => Regex.IsMatch(l, pattern))) return true;
            if (_process.HasExited) { _process.WaitForExit(); return _lines.Any(l => Regex.IsMatch(l, pattern)); }
            Thread.Sleep(50);
        }
        return false;
    }

    /// <summary>Waits for the exit and returns the code; fails the test with the output when it takes too long.</summary>
    public int Exit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', _process.StartInfo.ArgumentList)} did not end within {timeout}:\n{Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>kill -9: no handler runs, no transaction commits.</summary>
    public void KillHard()
    {
        _process.Kill(); // SIGKILL on Unix
        _process.WaitForExit();
    }

    public static (int Code, string Output) Run(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null)
    {
        using var p = new CliProcess(args, env);
        int code = p.Exit(timeout);
        return (code, p.Output);
    }

    public static (int Code, string Output) Shell(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output.Result + error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "lessdata")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                return dir.FullName;
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
