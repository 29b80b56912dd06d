using System.Diagnostics;
using System.Globalization;
using LessData.Store;
using Spectre.Console;

namespace LessData.Cli;

/// <summary>
/// The demo's progress, read from its store once a second while the workers train: runs done, the epoch each running
/// run has reached, and the time left at this session's pace. A bar on a terminal; a plain line when a run
/// starts or finishes (and every 30 s) when output is redirected.
/// </summary>
internal static class DemoProgress
{
    public static void Watch(RunStore store, IReadOnlyList<PlannedRun> planned, Func<bool> finished, CancellationToken stop)
    {
        var cost = planned.ToDictionary(p => (p.ExperimentId, p.Trial), DemoBudget.CostOf);
        double total = cost.Values.Sum();
        var clock = Stopwatch.StartNew();
        double? start = null;

        (double Fraction, string Text, string Key) Read()
        {
            var rows = store.Activity();
            double done = 0;
            foreach (var r in rows)
                if (cost.TryGetValue((r.ExperimentId, r.Trial), out var c))
                    done += r.Status == RunStatus.Completed ? c : c * (r.Epoch ?? 0) / Math.Max(1, r.Epochs); // a released run keeps its epoch
            double fraction = total > 0 ? done / total : 1;
            start ??= fraction;
            var running = rows.Where(r => r.Status == RunStatus.Running)
                .Select(r => $"{DemoPlan.NameOf(r.ExperimentId)} trial {r.Trial + 1} epoch {r.Epoch ?? 0}/{r.Epochs}");
            double pace = (fraction - start.Value) / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
            string left = fraction - start.Value < 0.03 || clock.Elapsed.TotalSeconds < 15 ? "" : $" · about {Clock(TimeSpan.FromSeconds((1 - fraction) / pace))} left";
            string key = string.Join(",", rows.Where(r => r.Status is RunStatus.Running or RunStatus.Completed).Select(r => r.Id));
            string now = string.Join(", ", running);
            return (fraction, $"{rows.Count(r => r.Status == RunStatus.Completed)}/{planned.Count} runs done{(now.Length > 0 ? " · " + now : "")}{left}", key);
        }

        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            AnsiConsole.Progress().AutoClear(false)
                .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
                .Start(ctx =>
                {
                    var task = ctx.AddTask("starting the workers", maxValue: 100);
                    do
                    {
                        var (fraction, text, _) = Read();
                        task.Value = 100 * fraction;
                        task.Description = Markup.Escape(text);
                    }
                    while (!finished() && !stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(1)));
                });
            return;
        }
        string? last = null;
        var lastLine = Stopwatch.StartNew();
        do
        {
            var (_, text, key) = Read();
            if (key != last || lastLine.Elapsed.TotalSeconds >= 30) // a run started or finished, else every 30 s
            {
                Console.WriteLine($"demo {Clock(clock.Elapsed)} · {text}");
                last = key;
                lastLine.Restart();
            }
        }
        while (!finished() && !stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(1)));
    }

    /// <summary>"4:05" (minutes and seconds).</summary>
    public static string Clock(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}:{t.Seconds:00}");
}
