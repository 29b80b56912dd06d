namespace LessData.Native;

/// <summary>
/// What the processor offers, read from /proc/cpuinfo. Native bf16 = AVX512-BF16 or AMX-BF16: without it libtorch falls
/// back to a reference bf16 GEMM that is orders of magnitude slower (measured: a 2048³ bf16 matmul ran for minutes on
/// an AVX2-only EPYC), so bf16 work is only timed where the hardware has it.
/// </summary>
public static class CpuFeatures
{
    private static readonly Lazy<HashSet<string>> s_flags = new(Read);

    public static bool HasNativeBf16 => s_flags.Value.Contains("avx512_bf16") || s_flags.Value.Contains("amx_bf16");

    private static HashSet<string> Read()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal));
            return line is null ? [] : [.. line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        }
        catch (IOException)
        {
            return [];
        }
    }
}
