using LessData.Augmentation;
using LessData.Models;
using LessData.Native;
using LessData.Provenance;
using static TorchSharp.torch;

namespace LessData.Benchmarks;

/// <summary>
/// Runs the whole benchmark: LessData's training throughput per model and thread count (with phase shares), the
/// achieved GFLOP/s next to libtorch's GEMM, the fidelity of training time to evaluations, and optionally the PyTorch
/// reference on the same step plus the check that both are the same model.
/// </summary>
public static class BenchSuite
{
    private const int Channels = 1, Size = 28, Classes = 10;

    /// <summary>The CPU's model name as bench and run provenance record it (/proc/cpuinfo; the architecture elsewhere).</summary>
    public static string CpuModel => LessData.Native.CpuFeatures.Model;

    /// <summary>Runs every measurement <paramref name="s"/> asks for and returns what was measured.</summary>
    /// <param name="s">What to measure.</param>
    /// <param name="referenceScript">Path of bench/reference/hvc_reference.py; needed when s.ComparePytorch.</param>
    /// <param name="commandLine">The command line, recorded in the result.</param>
    /// <param name="progress">Receives one line per step, as it starts.</param>
    /// <param name="startTraining">Starts a `train` process for one schedule (the memory runs); needed when s.Memory.</param>
    public static BenchResult Run(BenchSettings s, string? referenceScript, string commandLine, Action<string> progress,
        Func<string, System.Diagnostics.ProcessStartInfo>? startTraining = null)
    {
        var reference = referenceScript is null ? null : new PytorchReference(referenceScript);
        TorchRuntime.EnsureLoaded();
        foreach (var model in s.Models) ModelFactory.Check(model);
        if (s.Iterations < 5) throw new ArgumentOutOfRangeException(nameof(s), s.Iterations, "iterations must be at least 5: figures are medians of at least 5 timed steps");
        if (s.ComparePytorch && reference is null) throw new ArgumentNullException(nameof(reference));

        BenchResult.ReferenceCheckResult? check = null;
        if (s.ComparePytorch)
        {
            progress("reference check: same weights and input through LessData and PyTorch");
            check = ReferenceCheck.Run(reference!, "hvc", Channels, Size, Size, Classes);
        }

        var transform = AugmentationFactory.For("fashion-mnist", augment: true, Channels, Size, Size);
        var rows = new List<BenchResult.ThroughputRow>();
        var pytorch = new List<BenchResult.PytorchRow>();
        var pytorchByShape = new Dictionary<(HvcArchitecture, int), BenchResult.PytorchRow>();
        foreach (var model in s.Models)
            foreach (int threads in s.Threads)
            {
                progress($"throughput: {model}, {threads} thread(s), batch {s.Batch}");
                var measured = ThroughputBenchmark.Measure(() => ModelFactory.Create(model, Channels, Size, Size, Classes), transform,
                    s.DatasetSize, Channels, Size, Size, s.Batch, threads, s.Warmup, s.Iterations);
                double gflopPerImage = ModelFactory.FlopsPerImage(model, Channels, Size, Size, Classes).Training / 1e9;
                rows.Add(new BenchResult.ThroughputRow(model, threads, s.Batch, measured.ImagesPerSecond, gflopPerImage, measured.Phases));
                if (s.ComparePytorch && ModelFactory.Check(model) != "cnn")
                {
                    // The reference is fp32; a bf16 model is compared with the fp32 PyTorch run of the same shape.
                    var shape = (ModelFactory.Architecture(model) with { Bf16Convolutions = false }, threads);
                    if (!pytorchByShape.TryGetValue(shape, out var measuredPeer))
                    {
                        progress($"throughput: PyTorch {model} (fp32), {threads} thread(s), batch {s.Batch}");
                        var a = shape.Item1;
                        var json = reference!.Throughput(threads, s.Batch, Channels, Size, a.Depth, a.FirstWidth, a.Growth, s.Iterations);
                        measuredPeer = new BenchResult.PytorchRow(model, threads, s.Batch, json.GetProperty("imagesPerSecond").GetDouble(), json.GetProperty("torch").GetString() ?? "?");
                        pytorchByShape[shape] = measuredPeer;
                    }
                    pytorch.Add(measuredPeer with { Model = model });
                }
            }

        int maxThreads = s.Threads.Max();
        var convPaths = new List<BenchResult.ConvPathRow>();
        if (s.ConvPaths)
            foreach (var model in s.Models)
            {
                progress($"convolution paths: {model}, oneDNN and ATen, {maxThreads} thread(s), {s.ConvPathRounds} alternating round(s)");
                convPaths.Add(ConvPathBenchmark.Measure(model, transform, s.DatasetSize, Channels, Size, Classes, s.Batch, maxThreads, s.Warmup, s.Iterations, s.ConvPathRounds));
            }
        bool bf16 = CpuFeatures.HasNativeBf16;
        progress($"GEMM: {s.GemmSize}³ fp32{(bf16 ? " and bf16" : " (no native bf16 on this CPU: bf16 GEMM not timed)")}, {maxThreads} thread(s)");
        double gemm = GemmBenchmark.Gflops(s.GemmSize, ScalarType.Float32, maxThreads);
        double? gemmBf16 = bf16 ? GemmBenchmark.Gflops(s.GemmSize, ScalarType.BFloat16, maxThreads) : null;
        var headline = Headline(rows);

        var fidelity = s.Fidelity ? FidelityBenchmark.Measure(s.FidelityConfig, s.FidelityMethods, s.FidelityRepeats, progress) : [];
        var memory = s.Memory
            ? MemoryBenchmark.Measure(s.MemorySchedules, s.MemoryEpochs, s.MemoryTrainLimit, startTraining ?? throw new ArgumentNullException(nameof(startTraining)), progress)
            : null;

        double? RatioFor(string model) =>
            rows.FirstOrDefault(r => r.Model == model && r.Threads == maxThreads) is { } mine
            && pytorch.FirstOrDefault(p => p.Model == model && p.Threads == maxThreads) is { } peer
                ? mine.ImagesPerSecond / peer.ImagesPerSecond
                : null;
        return new BenchResult(ProvenanceCollector.Machine(), commandLine, rows, headline.Gflops, gemm, gemmBf16, fidelity,
            s.ComparePytorch ? pytorch : null, RatioFor(headline.Model), RatioFor("hvc:bf16"), check, memory,
            s.ConvPaths ? convPaths : null, NumericsRecord.Current());
    }

    /// <summary>The row the headline figures (GFLOP/s, ratio vs PyTorch) come from: hvc at the most threads, else the first model there.</summary>
    public static BenchResult.ThroughputRow Headline(IReadOnlyList<BenchResult.ThroughputRow> rows)
    {
        int maxThreads = rows.Max(r => r.Threads);
        return rows.FirstOrDefault(r => r.Model == "hvc" && r.Threads == maxThreads) ?? rows.First(r => r.Threads == maxThreads);
    }
}
