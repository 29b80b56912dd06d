using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace LessData.Experiments;

/// <summary>
/// The hardware class a run trained on: CPU model and threads used, and the GPU name and driver where NVML answers.
/// Runtimes and energy compare only within one class; a process whose numerics self-check turned oneDNN off is a class of its own.
/// </summary>
public static class HardwareInfo
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

    public static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                foreach (var line in File.ReadLines("/proc/cpuinfo"))
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.Split(':', 2) is [_, var name])
                        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        catch (IOException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>"NVIDIA A100-SXM4-40GB (driver 535.104)" from NVML, or null when there is no NVML.</summary>
    public static string? Gpu()
    {
        if (!NativeLibrary.TryLoad("libnvidia-ml.so.1", out var lib)) return null;
        try
        {
            if (NvmlInit() != 0) return null;
            var name = new byte[96];
            var driver = new byte[80];
            if (NvmlHandle(0, out var device) != 0 || NvmlName(device, name, (uint)name.Length) != 0) return null;
            string d = NvmlDriver(driver, (uint)driver.Length) == 0 ? Encoding.ASCII.GetString(driver).TrimEnd('\0') : "?";
            return $"{Encoding.ASCII.GetString(name).TrimEnd('\0')} (driver {d})";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        finally
        {
            NativeLibrary.Free(lib);
        }
    }

    [DllImport("libnvidia-ml.so.1", EntryPoint = "nvmlInit_v2")]
    private static extern int NvmlInit();

    [DllImport("libnvidia-ml.so.1", EntryPoint = "nvmlDeviceGetHandleByIndex_v2")]
    private static extern int NvmlHandle(uint index, out IntPtr device);

    [DllImport("libnvidia-ml.so.1", EntryPoint = "nvmlDeviceGetName")]
    private static extern int NvmlName(IntPtr device, [Out] byte[] name, uint length);

    [DllImport("libnvidia-ml.so.1", EntryPoint = "nvmlSystemGetDriverVersion")]
    private static extern int NvmlDriver([Out] byte[] version, uint length);
}
