using LessData.Experiments;
using LessData.Training;

namespace LessData.Benchmarks;

/// <summary>
/// Does training time follow evaluations? Trains the full baseline and each method on the same data, seed and model,
/// and compares the ratio of training-step seconds to the baseline's with the ratio of evaluations. Also reports the
/// share of training time the step spent outside the model (selection + waiting for augmented batches).
/// </summary>
public static class FidelityBenchmark
{
    public static readonly string[] DefaultMethods = ["step:0.25@0.5", "increment:0.25", "cut:5"];

    public static IReadOnlyList<FidelityRow> Measure(TrainConfig baseConfig, IReadOnlyList<string> methods, Action<string>? progress = null)
    {
        var rows = new List<FidelityRow>();
        Train(baseConfig with { Schedule = "full", Epochs = 1 }, progress); // warm-up: first-call costs must not land on the baseline
        var (baseline, baseTimings) = Train(baseConfig with { Schedule = "full" }, progress);
        rows.Add(Row("full", baseline, baseTimings, baseline));
        foreach (var method in methods)
        {
            var (record, timings) = Train(baseConfig with { Schedule = method }, progress);
            rows.Add(Row(method, record, timings, baseline));
        }
        return rows;
    }

    private static (RunRecord, StepTimings) Train(TrainConfig config, Action<string>? progress)
    {
        progress?.Invoke($"fidelity: training {config.Schedule} ({config.Epochs} epochs, {config.TrainLimit} images, {config.Model})");
        return RunPipeline.RunWithTimings(config, null, NullObserver.Instance, CancellationToken.None);
    }

    private static FidelityRow Row(string method, RunRecord run, StepTimings t, RunRecord baseline)
    {
        double total = t.Selection + t.WaitForBatches + t.Steps;
        return new FidelityRow(method, run.Totals.Evaluations, run.Totals.TrainSeconds,
            (double)run.Totals.Evaluations / baseline.Totals.Evaluations,
            run.Totals.TrainSeconds / baseline.Totals.TrainSeconds,
            total > 0 ? (t.Selection + t.WaitForBatches) / total : double.NaN);
    }
}
