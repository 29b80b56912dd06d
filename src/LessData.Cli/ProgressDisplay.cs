using System.Globalization;
using LessData.Training;
using Spectre.Console;

namespace LessData.Cli;

/// <summary>
/// Shows training progress: a Spectre.Console bar on a terminal (epoch, images/s, ETA, latest top-1), plain lines
/// (one per epoch) when output is redirected.
/// </summary>
public static class ProgressDisplay
{
    public static T Run<T>(string title, Func<ITrainingObserver, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
            return work(new PlainLines(title));
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => result = work(new Bar(ctx.AddTask(Markup.Escape(title)))));
        return result;
    }

    private static string Describe(EpochRecord r, int total, double imagesPerSecond) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {r.Epoch}/{total}  images {r.Images}  {imagesPerSecond:F0} img/s  top-1 {r.Top1 * 100:F2}%");

    /// <summary>Loading progress and notices go to stderr (so they never mix into a live progress bar on stdout).</summary>
    private abstract class LoadingReporter : ITrainingObserver
    {
        private readonly Lock _lock = new();
        private long _lastTicks;
        private string _lastStage = "";

        public void Loading(string stage, int done, int total)
        {
            lock (_lock)
            {
                long now = System.Diagnostics.Stopwatch.GetTimestamp();
                bool final = done == total;
                if (!final && stage == _lastStage && System.Diagnostics.Stopwatch.GetElapsedTime(_lastTicks, now).TotalSeconds < 1) return;
                _lastTicks = now;
                _lastStage = stage;
                string line = string.Create(CultureInfo.InvariantCulture, $"{stage}: {done}/{total} ({100.0 * done / Math.Max(1, total):F0}%)");
                if (Console.IsErrorRedirected) { if (final) Console.Error.WriteLine(line); }
                else Console.Error.Write("\r" + line + (final ? "\n" : ""));
            }
        }

        public void Notice(string message)
        {
            lock (_lock) Console.Error.WriteLine("lessdata: " + message);
        }
    }

    private sealed class PlainLines(string title) : LoadingReporter, ITrainingObserver
    {
        private double _seconds;

        public void EpochFinished(EpochRecord r, int totalEpochs)
        {
            _seconds += r.Seconds;
            var eta = TimeSpan.FromSeconds(_seconds / r.Epoch * (totalEpochs - r.Epoch));
            Console.WriteLine($"{title}: {Describe(r, totalEpochs, r.Images / Math.Max(r.Seconds, 1e-9))}  ETA {eta:hh\\:mm\\:ss}");
        }
    }

    private sealed class Bar(ProgressTask task) : LoadingReporter, ITrainingObserver
    {
        private readonly string _title = task.Description;
        private string _last = "";

        public void EpochStarted(int epoch, int totalEpochs, int images)
        {
            task.MaxValue = totalEpochs;
            task.Value = epoch;
        }

        public void BatchDone(int epoch, int imagesDone, int imagesTotal, double epochSeconds)
        {
            task.Value = epoch + (double)imagesDone / Math.Max(1, imagesTotal);
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{_title} e{epoch + 1} {imagesDone / Math.Max(epochSeconds, 1e-9):F0} img/s{_last}"));
        }

        public void EpochFinished(EpochRecord r, int totalEpochs)
        {
            task.Value = r.Epoch;
            _last = string.Create(CultureInfo.InvariantCulture, $" top-1 {r.Top1 * 100:F2}%");
            task.Description = Markup.Escape(_title + _last);
        }
    }
}
