namespace LessData.Energy;

/// <summary>
/// Chooses the meter: measured counters where the machine has them (RAPL for a CPU run, NVML for a GPU run),
/// otherwise the power model; the chosen source is written into every run.
/// </summary>
internal static class EnergyMeters
{
    public static IEnergyMeter ForDevice(string device, double modelWatts, string powercapRoot = "/sys/class/powercap", INvml? nvml = null)
    {
        if (device == "cuda" && NvmlMeter.TryCreate(nvml ?? new NativeNvml()) is { } gpu) return gpu;
        if (device == "cpu" && RaplMeter.TryCreate(powercapRoot) is { } cpu) return cpu;
        return new PowerModelMeter(modelWatts);
    }
}
