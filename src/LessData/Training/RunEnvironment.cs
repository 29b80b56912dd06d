using LessData.Energy;

namespace LessData.Training;

/// <summary>
/// Where and how a run executes: paths, threads, device, logging, the power and carbon assumptions. None of it changes
/// what is trained, so none of it is part of a run's identity.
/// </summary>
public sealed record RunEnvironment
{
    public string? DataDir { get; init; }
    public string Device { get; init; } = "cpu";
    /// <summary>0 = leave libtorch's default.</summary>
    public int Threads { get; init; }
    public double CarbonGramsPerKwh { get; init; } = Carbon.WorldAverageGramsPerKwh;
    public double DevicePowerWatts { get; init; } = 65;
    public bool TensorBoard { get; init; }
    /// <summary>--strict: a folder-dataset file that cannot be decoded is an error instead of a skip.</summary>
    public bool Strict { get; init; }
    /// <summary>Write the evaluated weights (native + safetensors) and model.json into the run folder.</summary>
    public bool SaveModel { get; init; }
    /// <summary>The kernels fp32 convolutions run on (both correct where the numerics self-check passes; speed differs by model and CPU).</summary>
    public Native.ConvolutionPath ConvolutionPath { get; init; }
}
