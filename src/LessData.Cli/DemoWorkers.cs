using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace LessData.Cli;

/// <summary>
/// The demo's worker processes: `lessdata worker --store S --threads 1` each (this same program), so every run trains
/// in its own process with one libtorch thread and the workers really run in parallel. Each worker's output goes to
/// its log file. They are stopped by a signal, the way every LessData command stops (<see cref="StopSignals"/>):
/// the run in hand is released with its last epoch's checkpoint in the store, and the next demo resumes it.
/// </summary>
internal sealed class DemoWorkers : IDisposable
{
    private const int SigTerm = 15;
    private readonly List<Worker> _workers;

    private DemoWorkers(List<Worker> workers) => _workers = workers;

    /// <summary>The worker's command line after the program: store, one thread, a short lease (a run whose worker died is claimable again a minute later), and the data folder when one was given.</summary>
    public static IReadOnlyList<string> Arguments(string store, string? dataDir) =>
        ["worker", "--store", store, "--threads", DemoPlan.ThreadsPerWorker.ToString(CultureInfo.InvariantCulture), "--lease", "60",
            .. dataDir is null ? Array.Empty<string>() : ["--data-dir", dataDir]];

    /// <summary>Starts <paramref name="count"/> workers on <paramref name="store"/>; worker i writes to logFolder/worker-i.log.</summary>
    public static DemoWorkers Start(int count, string store, string? dataDir, string logFolder)
    {
        var (program, prefix) = Self();
        var workers = new List<Worker>();
        try
        {
            for (int i = 1; i <= count; i++)
            {
                var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var a in prefix.Concat(Arguments(store, dataDir))) info.ArgumentList.Add(a);
                workers.Add(new Worker(i, Path.Combine(logFolder, $"worker-{i}.log"), info));
            }
            return new DemoWorkers(workers);
        }
        catch
        {
            new DemoWorkers(workers).Dispose();
            throw;
        }
    }

    public bool AllExited => _workers.All(w => w.Process.HasExited);

    /// <summary>Workers that exited with a non-zero code: number, code, last line on stderr, log file.</summary>
    public IReadOnlyList<(int Number, int ExitCode, string? LastError, string Log)> Failed() =>
        [.. _workers.Where(w => w.Process.HasExited && w.Process.ExitCode != 0).Select(w => (w.Number, w.Process.ExitCode, w.LastError, w.LogPath))];

    /// <summary>
    /// Stops the workers after their current batch. A Ctrl-C in a terminal reaches the whole process group, so the
    /// workers already have it (<paramref name="groupSignalled"/>): they get a few seconds to stop on their own before
    /// a SIGTERM follows (a second signal would make a worker exit at once, without releasing its run).
    /// </summary>
    public void Stop(bool groupSignalled)
    {
        if (groupSignalled) WaitForExit(TimeSpan.FromSeconds(5));
        foreach (var w in _workers.Where(w => !w.Process.HasExited)) _ = Kill(w.Process.Id, SigTerm);
        WaitForExit(TimeSpan.FromSeconds(60));
    }

    public void WaitForExit(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var w in _workers)
        {
            var left = timeout - deadline.Elapsed;
            if (left > TimeSpan.Zero) w.Process.WaitForExit(left);
        }
    }

    public void Dispose()
    {
        if (!AllExited) Stop(groupSignalled: false);
        foreach (var w in _workers) w.Dispose();
    }

    /// <summary>This program: `dotnet LessData.Cli.dll` when run by the dotnet host (as ./lessdata does), else its own executable.</summary>
    private static (string Program, IReadOnlyList<string> Prefix) Self()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? (host, [Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("the entry assembly is unknown")])
            : (host, []);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private sealed class Worker : IDisposable
    {
        private readonly TextWriter _log;

        public Worker(int number, string logPath, ProcessStartInfo info)
        {
            Number = number;
            LogPath = logPath;
            _log = TextWriter.Synchronized(new StreamWriter(logPath, append: true) { AutoFlush = true });
            Process = new Process { StartInfo = info };
            Process.OutputDataReceived += (_, e) => { if (e.Data is not null) _log.WriteLine(e.Data); };
            Process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                _log.WriteLine(e.Data);
                if (e.Data.Trim().Length > 0) LastError = e.Data.Trim();
            };
            Process.Start();
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public int Number { get; }
        public string LogPath { get; }
        public Process Process { get; }
        public string? LastError { get; private set; }

        public void Dispose()
        {
            if (Process.HasExited) Process.WaitForExit(); // drains the output handlers into the log
            Process.Dispose();
            _log.Dispose();
        }
    }
}
