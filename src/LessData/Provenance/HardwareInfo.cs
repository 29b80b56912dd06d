using System.Globalization;

namespace LessData.Provenance;

/// <summary>
/// The hardware class a run trained on: CPU model and threads used, and the GPU name and driver where NVML answers.
/// Runtimes and energy compare only within one class; a process whose numerics self-check turned oneDNN off is a class of its own.
/// </summary>
internal static class HardwareInfo
{
    public static string Describe(string device, int threads)
    {
        var cpu = CpuModel();
        int used = threads > 0 ? threads : Environment.ProcessorCount;
        var text = string.Create(CultureInfo.InvariantCulture, $"{cpu} × {used} threads");
        if (Native.NumericsGuard.Current is { Action: not LessData.Torch.NumericsAction.None } n)
            text += n.Correct ? "; oneDNN off (numerics self-check)" : "; convolutions wrong (numerics self-check)"; // another kernel path: its own class
        return device == "cuda" && Gpu() is { } gpu ? $"{gpu}; {text}" : text;
    }

    public static string CpuModel() => Native.CpuFeatures.Model;

    /// <summary>"NVIDIA A100-SXM4-40GB (driver 535.104)" from NVML, or null when there is no NVML.</summary>
    public static string? Gpu() => new Energy.NativeNvml().DeviceDescription();
}
