using LessData.Training;

namespace LessData.Experiments;

/// <summary>
/// Profiles a plan runs with. paper: the paper's settings (hvc, 300 epochs, batch 120, full datasets). cpu: sized so
/// `paper` × 3 trials on Fashion-MNIST finishes in ≤ 60 minutes on a 2-core machine (docs/sweeps.md has the measurement).
/// </summary>
public static class SweepProfiles
{
    public const int CpuTrainLimit = 6000;
    public const int CpuTestLimit = 2000;
    public const int CpuEpochs = 10;

    public static IReadOnlyList<string> Names { get; } = ["paper", "cpu"];

    public static TrainConfig Get(string name) => name switch
    {
        "paper" => new TrainConfig { Experiment = new() { Model = "hvc", Epochs = 300, BatchSize = 120 } },
        "cpu" => new TrainConfig
        {
            Experiment = new() { Model = "hvc-small", Epochs = CpuEpochs, BatchSize = 120, TrainLimit = CpuTrainLimit, TestLimit = CpuTestLimit },
            Environment = new() { Threads = 2 },
        },
        _ => throw new UserError($"unknown profile '{name}': use one of {string.Join(", ", Names)}"),
    };
}
