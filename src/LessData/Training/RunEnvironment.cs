using LessData.Energy;

namespace LessData.Training;

/// <summary>
/// Where and how a run executes: paths, threads, device, logging, the power and carbon assumptions. None of it changes
/// what is trained, so none of it is part of a run's identity.
/// </summary>
public sealed record RunEnvironment
{
    /// <summary>A folder to look for the dataset in first; null = the usual search order.</summary>
    public string? DataDir { get; init; }
    /// <summary>cpu or cuda.</summary>
    public string Device { get; init; } = "cpu";
    /// <summary>0 = leave libtorch's default.</summary>
    public int Threads { get; init; }
    /// <summary>Grams of CO2 per kWh, for the CO2 estimates.</summary>
    public double CarbonGramsPerKwh { get; init; } = Carbon.WorldAverageGramsPerKwh;
    /// <summary>Power assumed when no meter is available (the fixed-power model), in watts.</summary>
    public double DevicePowerWatts { get; init; } = 65;
    /// <summary>Whether to write TensorBoard event files into the run folder.</summary>
    public bool TensorBoard { get; init; }
    /// <summary>--strict: a folder-dataset file that cannot be decoded is an error instead of a skip.</summary>
    public bool Strict { get; init; }
    /// <summary>Write the evaluated weights (native + safetensors) and model.json into the run folder.</summary>
    public bool SaveModel { get; init; }
    /// <summary>The kernels fp32 convolutions run on (both correct where the numerics self-check passes; speed differs by model and CPU).</summary>
    public Native.ConvolutionPath ConvolutionPath { get; init; }
}
