using LessData.Data;
using LessData.Models;
using LessData.Training;

namespace LessData.Benchmarks;

/// <summary>What `lessdata bench` measures, and how long it spends doing it.</summary>
public sealed record BenchSettings
{
    /// <summary>Models to time (model specs).</summary>
    public IReadOnlyList<string> Models { get; init; } = ["hvc", "hvc-small", "hvc:bf16"];
    /// <summary>The models worth timing on this CPU: hvc:bf16 only where the CPU has native bf16.</summary>
    public static IReadOnlyList<string> ModelsForThisCpu => Native.CpuFeatures.HasNativeBf16 ? ["hvc", "hvc-small", "hvc:bf16"] : ["hvc", "hvc-small"];
    /// <summary>libtorch thread counts to time each model at.</summary>
    public IReadOnlyList<int> Threads { get; init; } = [1, 2];
    /// <summary>Images per timed training step.</summary>
    public int Batch { get; init; } = 120;
    /// <summary>Untimed steps before the timed ones.</summary>
    public int Warmup { get; init; } = 2;
    /// <summary>Timed steps per figure (the median is reported; at least 5).</summary>
    public int Iterations { get; init; } = 5;
    /// <summary>Synthetic uint8 images the throughput step draws its batches from (Fashion-MNIST's shape).</summary>
    public int DatasetSize { get; init; } = 6000;
    /// <summary>Side of the square matrices of the GEMM reference figure.</summary>
    public int GemmSize { get; init; } = 2048;
    /// <summary>Whether to run the time-vs-evaluations fidelity runs (they need the dataset).</summary>
    public bool Fidelity { get; init; } = true;
    /// <summary>Schedules of the fidelity runs, each compared with the full-data run.</summary>
    public IReadOnlyList<string> FidelityMethods { get; init; } = FidelityBenchmark.DefaultMethods;
    /// <summary>Interleaved repetitions of every fidelity run; the median time is used.</summary>
    public int FidelityRepeats { get; init; } = 3;
    /// <summary>The fixed subset and settings the fidelity runs train with.</summary>
    public TrainConfig FidelityConfig { get; init; } = new()
    {
        Experiment = new() { Dataset = DatasetSpec.Parse("fashion-mnist"), Model = ModelSpec.Parse("hvc-small"), Epochs = 8, TrainLimit = 3000, TestLimit = 500, Seed = 1 },
        Environment = new() { Threads = 2 },
    };
    /// <summary>Whether to run the PyTorch reference on the same step and check it is the same model.</summary>
    public bool ComparePytorch { get; init; }
    /// <summary>Time each model on both convolution paths (oneDNN and ATen's own), at the most threads, in alternating rounds.</summary>
    public bool ConvPaths { get; init; } = true;
    /// <summary>Alternating rounds per convolution path (the median is reported).</summary>
    public int ConvPathRounds { get; init; } = 2;
    /// <summary>Peak-RSS runs, one process per schedule (opt-in: 200 epochs take a while).</summary>
    public bool Memory { get; init; }
    /// <summary>Schedules of the memory runs (full is always run).</summary>
    public IReadOnlyList<string> MemorySchedules { get; init; } = MemoryBenchmark.DefaultSchedules;
    /// <summary>Epochs of each memory run.</summary>
    public int MemoryEpochs { get; init; } = 200;
    /// <summary>Model of the memory runs.</summary>
    public string MemoryModel { get; init; } = "hvc-small";
    /// <summary>Training images of each memory run.</summary>
    public int MemoryTrainLimit { get; init; } = 1200;
}
