using LessData.Data;
using LessData.Models;
using LessData.Training;

namespace LessData.Benchmarks;

/// <summary>What `lessdata bench` measures, and how long it spends doing it.</summary>
public sealed record BenchSettings
{
    public IReadOnlyList<string> Models { get; init; } = ["hvc", "hvc-small", "hvc:bf16"];
    public IReadOnlyList<int> Threads { get; init; } = [1, 2];
    public int Batch { get; init; } = 120;
    public int Warmup { get; init; } = 2;
    public int Iterations { get; init; } = 5;
    /// <summary>Synthetic uint8 images the throughput step draws its batches from (Fashion-MNIST's shape).</summary>
    public int DatasetSize { get; init; } = 6000;
    public int GemmSize { get; init; } = 2048;
    public bool Fidelity { get; init; } = true;
    public IReadOnlyList<string> FidelityMethods { get; init; } = FidelityBenchmark.DefaultMethods;
    /// <summary>Interleaved repetitions of every fidelity run; the median time is used.</summary>
    public int FidelityRepeats { get; init; } = 3;
    /// <summary>The fixed subset and settings the fidelity runs train with.</summary>
    public TrainConfig FidelityConfig { get; init; } = new()
    {
        Experiment = new() { Dataset = DatasetSpec.Parse("fashion-mnist"), Model = ModelSpec.Parse("hvc-small"), Epochs = 8, TrainLimit = 3000, TestLimit = 500, Seed = 1 },
        Environment = new() { Threads = 2 },
    };
    public bool ComparePytorch { get; init; }
    /// <summary>Time each model on both convolution paths (oneDNN and ATen's own), at the most threads, in alternating rounds.</summary>
    public bool ConvPaths { get; init; } = true;
    /// <summary>Alternating rounds per convolution path (the median is reported).</summary>
    public int ConvPathRounds { get; init; } = 2;
    /// <summary>Peak-RSS runs, one process per schedule (opt-in: 200 epochs take a while).</summary>
    public bool Memory { get; init; }
    public IReadOnlyList<string> MemorySchedules { get; init; } = MemoryBenchmark.DefaultSchedules;
    public int MemoryEpochs { get; init; } = 200;
    public string MemoryModel { get; init; } = "hvc-small";
    public int MemoryTrainLimit { get; init; } = 1200;
}
