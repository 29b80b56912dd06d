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
}
