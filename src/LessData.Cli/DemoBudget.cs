using System.Globalization;
using LessData.Store;

namespace LessData.Cli;

/// <summary>
/// The demo's cost, estimated from image counts before it runs (docs/demo.md#expected-time). Definition:
/// <list type="bullet">
/// <item>a run trains on its method's evaluations (<see cref="PlannedRun.ExpectedEvaluations"/>: E·n for the baseline,
/// F·round(P·E)·n + (E − round(P·E))·n for step:F@P, T·E·n for InfoBatch with target T), and the batch size does
/// not change the cost of an image (at 32 a step's fixed costs — optimizer, EMA, one read-back — stay a few per cent);</item>
/// <item>it evaluates E × the curve's test images plus FinalEpochs × the full test split, each at a third of a trained
/// image's cost (a forward pass alone: measured 3.2–3.4× faster than a training step on hvc-small);</item>
/// <item>it spends <see cref="SecondsPerRun"/> loading data and writing checkpoints;</item>
/// <item>the workers share the runs: seconds = Σ(trained + evaluated / 3) / (workers × <see cref="ImagesPerSecondPerWorker"/>)
/// + runs × <see cref="SecondsPerRun"/> / workers + <see cref="StartupSeconds"/>.</item>
/// </list>
/// </summary>
public sealed record DemoBudget(long TrainedImages, long EvaluatedImages, int Runs, int Workers)
{
    /// <summary>hvc-small trains about 1,100 images/s on 2 threads (docs/benchmarks.md), so about 550 per one-thread worker with two side by side.</summary>
    public const double ImagesPerSecondPerWorker = 550;
    public const double EvaluationSpeedup = 3;
    public const double SecondsPerRun = 3;
    /// <summary>Process starts, libtorch loading, the numerics self-check and the data check.</summary>
    public const double StartupSeconds = 10;
    /// <summary>What the estimate must stay under: 4.5 of the 6 minutes, the rest being margin for a slower CPU.</summary>
    public static readonly TimeSpan Target = TimeSpan.FromMinutes(4.5);

    /// <summary>A run's cost in trained-image equivalents (its share of the workers' time, loading excluded).</summary>
    public static double CostOf(PlannedRun run) => Trained(run) + Evaluated(run) / EvaluationSpeedup;

    public double Seconds => (TrainedImages + EvaluatedImages / EvaluationSpeedup) / (Workers * ImagesPerSecondPerWorker)
        + Runs * SecondsPerRun / Workers + StartupSeconds;

    public static DemoBudget Of(IReadOnlyList<PlannedRun> runs, int workers) =>
        new(runs.Sum(Trained), runs.Sum(Evaluated), runs.Count, workers);

    /// <summary>One line for the screen, e.g. "168,000 images trained + 192,000 evaluated in 12 runs ≈ 3.9 min at 550 img/s per worker".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{TrainedImages:N0} images trained + {EvaluatedImages:N0} evaluated in {Runs} runs ≈ {Seconds / 60:0.0} min at {ImagesPerSecondPerWorker:0} img/s per worker");

    private static long Trained(PlannedRun run)
    {
        var e = run.Config.Experiment;
        return PlannedRun.ExpectedEvaluations(e, PlannedRun.TrainSize(e))
            ?? (long)e.Epochs * PlannedRun.TrainSize(e); // selectors whose losses decide: at most every image every epoch
    }

    private static long Evaluated(PlannedRun run)
    {
        var e = run.Config.Experiment;
        int curve = Math.Min(e.TestLimit ?? DemoPlan.TestImages, DemoPlan.TestImages);
        return (long)e.Epochs * curve + (curve < DemoPlan.TestImages ? (long)e.FinalEpochs * DemoPlan.TestImages : 0);
    }
}
