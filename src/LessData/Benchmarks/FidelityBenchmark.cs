using LessData.Comparison;
using LessData.Runs;
using LessData.Selection;
using LessData.Training;

namespace LessData.Benchmarks;

/// <summary>
/// Does training time follow evaluations? Trains the full baseline and each method on the same data, seed and model,
/// and compares the ratio of training-step seconds to the baseline's with the ratio of evaluations. Repetitions are
/// interleaved (baseline, methods, baseline, methods, …) and each method's median time is used, so a slow spell of the
/// machine does not land on one method. Also reports the share of training time the step spent outside the model
/// (selection + waiting for augmented batches).
/// </summary>
internal static class FidelityBenchmark
{
    public static readonly string[] DefaultMethods = ["step:0.25@0.5", "increment:0.25", "cut:5"];

    public static IReadOnlyList<BenchResult.FidelityRow> Measure(TrainConfig baseConfig, IReadOnlyList<string> methods, int repeats = 3, Action<string>? progress = null)
    {
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "fidelity repeats must be at least 1");
        Train(ComparisonPlan.WithSchedule(baseConfig, Schedules.Full()) is var warm ? warm with { Experiment = warm.Experiment with { Epochs = 1 } } : warm, progress); // warm-up: first-call costs must not land on the baseline
        string[] all = ["full", .. methods];
        var runs = all.ToDictionary(m => m, _ => new List<(RunRecord Record, StepTimings Timings)>());
        for (int r = 0; r < repeats; r++)
            foreach (var method in all)
                runs[method].Add(Train(ComparisonPlan.WithSchedule(baseConfig, Schedules.Parse(method)), progress));

        double baseSeconds = Timing.Median([.. runs["full"].Select(x => x.Record.Totals.TrainSeconds)]);
        long baseEvaluations = runs["full"][0].Record.Totals.Evaluations;
        return [.. all.Select(method =>
        {
            var rs = runs[method];
            double seconds = Timing.Median([.. rs.Select(x => x.Record.Totals.TrainSeconds)]);
            double share = Timing.Median([.. rs.Select(x => Share(x.Timings))]);
            long evaluations = rs[0].Record.Totals.Evaluations;
            return new BenchResult.FidelityRow(method, evaluations, seconds, (double)evaluations / baseEvaluations, seconds / baseSeconds, share);
        })];
    }

    private static (RunRecord, StepTimings) Train(TrainConfig config, Action<string>? progress)
    {
        var e = config.Experiment;
        progress?.Invoke($"fidelity: training {e.Schedule.Spec} ({e.Epochs} epochs, {e.TrainLimit} images, {e.Model})");
        return RunPipeline.RunWithTimings(config, null, NullObserver.Instance, CancellationToken.None);
    }

    private static double Share(StepTimings t)
    {
        double total = t.Selection + t.WaitForBatches + t.Steps;
        return total > 0 ? (t.Selection + t.WaitForBatches) / total : double.NaN;
    }
}
