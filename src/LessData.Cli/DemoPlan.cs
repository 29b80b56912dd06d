using LessData.Comparison;
using LessData.Selection;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;

namespace LessData.Cli;

/// <summary>
/// What `lessdata demo` runs (docs/demo.md). The cpu profile's model and optimizer (hvc-small, Adam 0.001, EMA) on
/// Fashion-MNIST, shrunk to fit 6 minutes on 2 cores: 1,600 training images, 12 epochs, batch 32, a cosine learning
/// rate, the per-epoch curve on 500 test images, the final top-1 on all 10,000 in the last epoch. The baseline
/// against a Data Step that cuts hard (the paper's E3, step:0.25@0.75: 43.75 % of the evaluations) and InfoBatch held
/// to 75 % of the images; 4 trials on shared seeds 1–4 (so every Δ is paired), judged at a 2-point margin.
/// </summary>
public static class DemoPlan
{
    public const int TrainLimit = 1600;
    public const int TestLimit = 500;
    public const int Epochs = 12;
    /// <summary>
    /// 32 rather than the profile's 120: the demo's budget trains each run on ~19,000 images, which at 120 a batch is
    /// only 160 optimizer steps, a regime so undertrained that any cut costs accuracy (a first try lost 4.6 points with
    /// Step and 5.7 with InfoBatch at 62.5 %); at 32 the baseline takes 600 steps, as many as the cpu profile's.
    /// </summary>
    public const int BatchSize = 32;
    /// <summary>
    /// Cosine to zero at the last epoch instead of the paper's slow exponential decay, so the last epoch's model has
    /// settled: with the paper's schedule the final top-1 of this short run still moved ±1.5 points from epoch to epoch
    /// (a second try: baseline 72.7 %, InfoBatch +3.2, in one trial), too noisy for 4 trials to decide anything.
    /// </summary>
    public static readonly LrScheduleKind LrSchedule = LrScheduleKind.Cosine;
    /// <summary>The final top-1 is the last epoch's, on the full test split: each further window epoch costs a pass over 10,000 images.</summary>
    public const int FinalWindow = 1;
    /// <summary>Fashion-MNIST's test split, on which every run's final top-1 is measured.</summary>
    public const int TestImages = 10_000;
    public const int Trials = 4;
    public const int Seed = 1;
    /// <summary>Parallel `lessdata worker` processes, one libtorch thread each.</summary>
    public const int Workers = 2;
    public const int ThreadsPerWorker = 1;

    /// <summary>
    /// The non-inferiority margin in points of top-1. Chosen before any demo ran, from the half-width 4 trials can
    /// reach: with two methods (Bonferroni, t(1 − 0.025/2, 3) = 4.18) the interval is Δ ± 2.09·SD, and the paired SD
    /// measured for this model on Fashion-MNIST is 0.5–1.0 points (0.83 pooled, docs/results/fashion-mnist-cpu-12ep),
    /// so ±1–2 points: a 0.5-point margin could not be decided by 4 trials; 2 points can.
    /// </summary>
    public const double Margin = 2.0;

    /// <summary>The reduced methods, each a schedule and a selector, with the short name progress lines use.</summary>
    public static IReadOnlyList<(string Schedule, string Selector, string Name)> Methods { get; } =
    [
        ("step:0.25@0.75", "random", "step:0.25@0.75"),
        ("full", "infobatch:target=0.75", "infobatch 75%"),
    ];

    /// <summary>The baseline: full data, random order; threads are one per worker.</summary>
    public static TrainConfig Baseline(string? dataDir)
    {
        var cpu = SweepProfiles.Get("cpu");
        return cpu with
        {
            Experiment = cpu.Experiment with
            {
                TrainLimit = TrainLimit, TestLimit = TestLimit, Epochs = Epochs, BatchSize = BatchSize, LrSchedule = LrSchedule, FinalWindow = FinalWindow, Seed = Seed,
            },
            Environment = cpu.Environment with { Threads = ThreadsPerWorker, DataDir = dataDir },
        };
    }

    /// <summary>The comparison: the baseline and each method, differing only in schedule and selector.</summary>
    public static ComparisonPlan Comparison(string? dataDir = null)
    {
        var baseline = Baseline(dataDir);
        return new ComparisonPlan(baseline, [.. Methods.Select(m => baseline with
        {
            Experiment = baseline.Experiment with { Schedule = Schedules.Parse(m.Schedule), Selector = Selectors.Parse(m.Selector) },
        })]);
    }

    /// <summary>Every run of the demo: trials 0…3, the baseline and each method per trial, on the trial's seed.</summary>
    public static IReadOnlyList<PlannedRun> Runs(string? dataDir = null) => Comparison(dataDir).Expand(Trials);

    /// <summary>The short name of a planned run's method ("full" for the baseline).</summary>
    public static string NameOf(string experimentId) =>
        Enumerable.Range(0, Methods.Count).FirstOrDefault(i => ComparisonPlan.MethodId(i) == experimentId, -1) is var i and >= 0 ? Methods[i].Name : "full";
}
