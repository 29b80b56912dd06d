using System.Runtime.InteropServices;

namespace LessData.Energy;

/// <summary>NVML through libnvidia-ml.so.1 (nvmlDeviceGetTotalEnergyConsumption, Volta and newer); absent library = no GPU meter.</summary>
internal sealed class NativeNvml : INvml
{
    private const string Library = "libnvidia-ml.so.1";

    [DllImport(Library, EntryPoint = "nvmlInit_v2")] private static extern int Init();
    [DllImport(Library, EntryPoint = "nvmlDeviceGetCount_v2")] private static extern int DeviceCount(out uint count);
    [DllImport(Library, EntryPoint = "nvmlDeviceGetHandleByIndex_v2")] private static extern int Handle(uint index, out IntPtr device);
    [DllImport(Library, EntryPoint = "nvmlDeviceGetTotalEnergyConsumption")] private static extern int Energy(IntPtr device, out ulong millijoules);
    [DllImport(Library, EntryPoint = "nvmlDeviceGetName")] private static extern int Name(IntPtr device, [Out] byte[] name, uint length);
    [DllImport(Library, EntryPoint = "nvmlSystemGetDriverVersion")] private static extern int Driver([Out] byte[] version, uint length);

    /// <summary>"NVIDIA A100-SXM4-40GB (driver 535.104)" for the first GPU, or null when NVML is absent.</summary>
    public string? DeviceDescription()
    {
        try
        {
            var name = new byte[96];
            var driver = new byte[80];
            if (Init() != 0 || Handle(0, out var device) != 0 || Name(device, name, (uint)name.Length) != 0) return null;
            string d = Driver(driver, (uint)driver.Length) == 0 ? System.Text.Encoding.ASCII.GetString(driver).TrimEnd('\0') : "?";
            return $"{System.Text.Encoding.ASCII.GetString(name).TrimEnd('\0')} (driver {d})";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public IReadOnlyList<ulong>? TotalEnergyMillijoules()
    {
        try
        {
            if (Init() != 0 || DeviceCount(out uint count) != 0 || count == 0) return null;
            var values = new List<ulong>();
            for (uint i = 0; i < count; i++)
            {
                if (Handle(i, out var device) != 0 || Energy(device, out ulong mj) != 0) return null;
                values.Add(mj);
            }
            return values;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
