namespace LessData.Energy;

/// <summary>The few NVML calls the GPU meter needs, behind an interface so the arithmetic is testable without a GPU.</summary>
internal interface INvml
{
    /// <summary>Total energy of each GPU since driver load, in millijoules; null when NVML is absent.</summary>
    IReadOnlyList<ulong>? TotalEnergyMillijoules();
}
