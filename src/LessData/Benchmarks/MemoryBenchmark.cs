using System.Diagnostics;
using LessData.Selection;

namespace LessData.Benchmarks;

/// <summary>
/// Does memory stay flat when epochs change size? Each schedule trains in a process of its own (so no run inherits
/// another's caches) on the same data and model; its peak RSS (VmHWM) is read while it runs, and compared with the
/// full-data run's. The target: every schedule within 10 % of full's peak (docs/benchmarks.md, memory).
/// </summary>
internal static class MemoryBenchmark
{
    public static readonly string[] DefaultSchedules = ["full", "increment:0.1", "cut:5"];

    /// <param name="schedules">Schedules to run; "full" is run first whether listed or not.</param>
    /// <param name="startTraining">The process that trains one schedule (the CLI's own `train`).</param>
    /// <param name="epochs">Epochs of each run.</param>
    /// <param name="trainImages">Training images of each run.</param>
    /// <param name="progress">Told about each run as it starts.</param>
    public static IReadOnlyList<BenchResult.MemoryRow> Measure(IReadOnlyList<string> schedules, int epochs, int trainImages,
        Func<string, ProcessStartInfo> startTraining, Action<string>? progress = null)
    {
        var order = new[] { Schedules.Full().Spec }.Concat(schedules.Where(s => !Schedules.Parse(s).IsFull)).ToList();
        var peaks = new List<(string Schedule, long Peak, long End)>();
        foreach (var schedule in order)
        {
            progress?.Invoke($"memory: training {schedule} for {epochs} epochs in its own process");
            var (peak, end) = Run(startTraining(schedule), schedule);
            peaks.Add((schedule, peak, end));
        }
        double full = peaks[0].Peak;
        return [.. peaks.Select(p => new BenchResult.MemoryRow(p.Schedule, epochs, trainImages, p.Peak / 1048576.0, p.End / 1048576.0, p.Peak / full))];
    }

    private static (long Peak, long End) Run(ProcessStartInfo start, string schedule)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the {schedule} run");
        var error = process.StandardError.ReadToEndAsync();
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        long peak = 0, end = 0;
        while (!process.WaitForExit(200))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
                if (process.WorkingSet64 is > 0 and var now) end = now; // the last reading of a live process
            }
            catch (InvalidOperationException)
            {
                break; // exited between the wait and the read
            }
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new UserError($"memory benchmark: the {schedule} run failed (exit {process.ExitCode}): {error.Result.Trim().Split('\n').LastOrDefault()}");
        return (peak, end);
    }
}
