using System.Runtime.InteropServices;

namespace LessData.Native;

/// <summary>
/// What the processor is and offers, read once from /proc/cpuinfo (its first processor's "model name" and "flags").
/// Native bf16 = AVX512-BF16 or AMX-BF16: without it libtorch falls back to a reference bf16 GEMM that is orders of
/// magnitude slower (measured: a 2048³ bf16 matmul ran for minutes on an AVX2-only EPYC), so bf16 work is only timed
/// where the hardware has it.
/// </summary>
internal static class CpuFeatures
{
    private static readonly Lazy<(string? Model, HashSet<string> Flags)> s_info = new(Read);

    public static bool HasNativeBf16 => s_info.Value.Flags.Contains("avx512_bf16") || s_info.Value.Flags.Contains("amx_bf16");

    /// <summary>The processor's model name (spaces collapsed), or the architecture where /proc/cpuinfo says nothing.</summary>
    public static string Model => s_info.Value.Model ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static (string?, HashSet<string>) Read()
    {
        string? model = null;
        HashSet<string> flags = [];
        try
        {
            if (!File.Exists("/proc/cpuinfo")) return (null, flags);
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.Split(':', 2) is not [var key, var value]) continue;
                key = key.Trim();
                if (model is null && key == "model name") model = string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                else if (flags.Count == 0 && key == "flags") flags = [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                if (model is not null && flags.Count > 0) break;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return (model, flags);
    }
}
