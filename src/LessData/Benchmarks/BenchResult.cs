namespace LessData.Benchmarks;

/// <summary>One training-throughput measurement: images/s of the sequential step (select → gather → augment → step).</summary>
public sealed record ThroughputRow(string Model, int Threads, int Batch, double ImagesPerSecond, double TrainingGflopPerImage, StepPhases Phases)
{
    public double Gflops => ImagesPerSecond * TrainingGflopPerImage;
}

/// <summary>Training time and evaluations of a method relative to the full-data baseline, on the same data and seed.</summary>
public sealed record FidelityRow(string Method, long Evaluations, double TrainSeconds, double EvaluationsRatio, double TimeRatio, double PipelineShare)
{
    /// <summary>|time ratio − evaluations ratio| in percentage points.</summary>
    public double GapPoints => Math.Abs(TimeRatio - EvaluationsRatio) * 100;
}

/// <summary>The PyTorch side: its throughput rows and the equivalence check of the two models.</summary>
public sealed record PytorchRow(string Model, int Threads, int Batch, double ImagesPerSecond, string Version);

public sealed record ReferenceCheckResult(long LessDataParameters, long PytorchParameters, double MaxAbsDiff, double MaxAbsOutput)
{
    public const double Tolerance = 1e-4;
    public bool Passed => LessDataParameters == PytorchParameters && MaxAbsDiff <= Tolerance * Math.Max(1, MaxAbsOutput);
}

/// <summary>
/// Everything `lessdata bench` measured; serialized as bench.json. RatioVsPytorch is the default (fp32) `hvc` at the
/// most threads against PyTorch; RatioVsPytorchBf16 the opt-in `hvc:bf16` against the same fp32 PyTorch run.
/// </summary>
public sealed record BenchResult(
    string Machine,
    string CommandLine,
    IReadOnlyList<ThroughputRow> Throughput,
    double Gflops,
    double GemmGflops,
    double? GemmBf16Gflops,
    IReadOnlyList<FidelityRow> Fidelity,
    IReadOnlyList<PytorchRow>? Pytorch,
    double? RatioVsPytorch,
    double? RatioVsPytorchBf16,
    ReferenceCheckResult? ReferenceCheck,
    IReadOnlyList<MemoryRow>? Memory = null,
    IReadOnlyList<ConvPathRow>? ConvPaths = null,
    Native.NumericsRecord? Numerics = null);
