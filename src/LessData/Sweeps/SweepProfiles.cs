using LessData.Data;
using LessData.Models;
using LessData.Training;

namespace LessData.Sweeps;

/// <summary>
/// Profiles a plan runs with. paper: the paper's settings (hvc, 300 epochs, batch 120, full datasets). cpu: hvc-small,
/// 12 epochs (P·E whole for P ∈ {¼, ½, ¾}), 6,000 training images, curves on 2,000 test images, final top-1 on all 10,000.
/// A profile is a named recipe: a plan file's recipe and the command line's flags override any of its settings.
/// </summary>
public static class SweepProfiles
{
    internal const int CpuTrainLimit = 6000;
    internal const int CpuTestLimit = 2000;
    /// <summary>A multiple of 4 (and of 3), so every Step cell round(P·E) and C2/C3 sit at the paper's ratios (PlanRounding).</summary>
    public const int CpuEpochs = 12;

    /// <summary>The profile names, in the order help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["paper", "cpu"];

    /// <summary>
    /// The profile on <paramref name="dataset"/>: its image limits are sized for the built-in datasets, so a folder
    /// dataset trains and tests on the whole folder unless a plan recipe or a flag sets a limit.
    /// </summary>
    public static TrainConfig Get(string name, DatasetSpec dataset)
    {
        var profile = Get(name);
        var e = profile.Experiment with { Dataset = dataset };
        return profile with { Experiment = dataset.IsFolder ? e with { TrainLimit = null, TestLimit = null } : e };
    }

    /// <summary>The config of the profile <paramref name="name"/> (paper: the paper's settings; cpu: a subset sized for a CPU); a user error otherwise.</summary>
    public static TrainConfig Get(string name) => name switch
    {
        "paper" => new TrainConfig { Experiment = new() { Model = ModelSpec.Parse("hvc"), Epochs = 300, BatchSize = 120 } },
        "cpu" => new TrainConfig
        {
            Experiment = new() { Model = ModelSpec.Parse("hvc-small"), Epochs = CpuEpochs, BatchSize = 120, TrainLimit = CpuTrainLimit, TestLimit = CpuTestLimit },
            Environment = new() { Threads = 2 },
        },
        _ => throw new UserError($"unknown profile '{name}': use one of {string.Join(", ", Names)}", parameter: "profile"),
    };
}
