namespace LessData.Benchmarks;

/// <summary>
/// Everything `lessdata bench` measured; serialized as bench.json. RatioVsPytorch is the default (fp32) `hvc` at the
/// most threads against PyTorch; RatioVsPytorchBf16 the opt-in `hvc:bf16` against the same fp32 PyTorch run.
/// </summary>
public sealed record BenchResult(
    string Machine,
    string CommandLine,
    IReadOnlyList<BenchResult.ThroughputRow> Throughput,
    double Gflops,
    double GemmGflops,
    double? GemmBf16Gflops,
    IReadOnlyList<BenchResult.FidelityRow> Fidelity,
    IReadOnlyList<BenchResult.PytorchRow>? Pytorch,
    double? RatioVsPytorch,
    double? RatioVsPytorchBf16,
    BenchResult.ReferenceCheckResult? ReferenceCheck,
    IReadOnlyList<BenchResult.MemoryRow>? Memory = null,
    IReadOnlyList<BenchResult.ConvPathRow>? ConvPaths = null,
    Native.NumericsRecord? Numerics = null)
{
    /// <summary>Writes this result as indented JSON to bench.json in <paramref name="folder"/> (atomically) and returns the file's path.</summary>
    public string Write(string folder)
    {
        var path = Path.Combine(folder, "bench.json");
        Runs.AtomicFile.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(this, Runs.RunOutputs.Json));
        return path;
    }

    /// <summary>One training-throughput measurement: images/s of the sequential step (select → gather → augment → step).</summary>
    public sealed record ThroughputRow(string Model, int Threads, int Batch, double ImagesPerSecond, double TrainingGflopPerImage, StepPhases Phases)
    {
        /// <summary>Achieved training GFLOP/s: images/s × training GFLOP per image.</summary>
        public double Gflops => ImagesPerSecond * TrainingGflopPerImage;
    }

    /// <summary>Median seconds per training step spent in each phase, measured one phase at a time.</summary>
    public sealed record StepPhases(double Selection, double Batching, double Augmentation, double Forward, double Backward, double Optimizer)
    {
        /// <summary>Seconds of the whole step: the sum of its phases.</summary>
        public double Total => Selection + Batching + Augmentation + Forward + Backward + Optimizer;

        /// <summary>Share of the step spent outside the model: selection + batching + augmentation.</summary>
        public double PipelineShare => Total > 0 ? (Selection + Batching + Augmentation) / Total : double.NaN;
    }

    /// <summary>Training time and evaluations of a method relative to the full-data baseline, on the same data and seed.</summary>
    public sealed record FidelityRow(string Method, long Evaluations, double TrainSeconds, double EvaluationsRatio, double TimeRatio, double PipelineShare)
    {
        /// <summary>|time ratio − evaluations ratio| in percentage points.</summary>
        public double GapPoints => Math.Abs(TimeRatio - EvaluationsRatio) * 100;
    }

    /// <summary>The PyTorch side: its throughput rows and the equivalence check of the two models.</summary>
    public sealed record PytorchRow(string Model, int Threads, int Batch, double ImagesPerSecond, string Version);

    /// <summary>The check that LessData and PyTorch build the same model: parameter counts and the largest output difference on the same weights and input.</summary>
    /// <param name="LessDataParameters">Trainable parameters of LessData's model.</param>
    /// <param name="PytorchParameters">Trainable parameters of the PyTorch reference.</param>
    /// <param name="MaxAbsDiff">Largest |difference| between the two models' outputs.</param>
    /// <param name="MaxAbsOutput">Largest |output|, the scale the difference is judged against.</param>
    public sealed record ReferenceCheckResult(long LessDataParameters, long PytorchParameters, double MaxAbsDiff, double MaxAbsOutput)
    {
        internal const double Tolerance = 1e-4;
        /// <summary>Same parameter count and outputs equal within 1e-4 of their scale.</summary>
        public bool Passed => LessDataParameters == PytorchParameters && MaxAbsDiff <= Tolerance * Math.Max(1, MaxAbsOutput);
    }

    /// <summary>Peak resident memory of one training run, and its ratio to the full-data run's peak.</summary>
    public sealed record MemoryRow(string Schedule, int Epochs, int TrainImages, double PeakRssMb, double EndRssMb, double RatioVsFull);

    /// <summary>
    /// Images/s of the training step on each convolution path (median over rounds); OneDnn is null where the self-check
    /// found that path wrong. Ratio = ATen / oneDNN: above 1, ATen's own kernels are faster for this model here.
    /// </summary>
    public sealed record ConvPathRow(string Model, int Threads, int Batch, double? OneDnnImagesPerSecond, double AtenImagesPerSecond, int Rounds)
    {
        /// <summary>ATen images/s over oneDNN images/s; null where oneDNN was found wrong.</summary>
        public double? AtenOverOneDnn => OneDnnImagesPerSecond is { } o ? AtenImagesPerSecond / o : null;
    }
}
