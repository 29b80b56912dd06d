using System.Runtime.InteropServices;

namespace LessData.Torch;

/// <summary>
/// Bounds libtorch's CPU caches that keep one entry per input shape. When epochs change size, the last batch has a new
/// shape almost every epoch, and oneDNN (ONEDNN_PRIMITIVE_CACHE_CAPACITY, default 1024 primitives) and PyTorch's ideep
/// cache (LRU_CACHE_CAPACITY, default 1024) keep compiled kernels and scratchpads for each: the process's memory then
/// grows for hundreds of epochs. A small bound keeps the hot shapes and evicts old last-batch shapes; the kernels are
/// the same, so results do not change. Call before the first convolution runs (the caches read their capacity once).
/// A capacity the user already set in the environment is kept. Pair it with <see cref="NativeHeap.Trim"/> once per
/// epoch. docs/library.md, memory.
/// </summary>
public static class ShapeCaches
{
    /// <summary>
    /// The bound LessData uses (4 entries): measured to cost no throughput, while 64 still let a run whose epochs change
    /// size grow by ~200 MB more than 4 (docs/benchmarks.md, memory).
    /// </summary>
    public static int DefaultCapacity => 4;

    /// <summary>
    /// Sets both capacities to <see cref="DefaultCapacity"/> in the native environment unless already set. Returns false where that is not possible
    /// (Windows: set the two variables before starting the process).
    /// </summary>
    public static bool Bound() => Bound(DefaultCapacity);

    /// <summary>As <see cref="Bound()"/>, with a capacity of your choice: at least 1 (libtorch 2.10 crashes with an ideep cache of 0).</summary>
    public static bool Bound(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (OperatingSystem.IsWindows()) return false;
        string value = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return SetEnv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", value, overwrite: 0) == 0
            & SetEnv("LRU_CACHE_CAPACITY", value, overwrite: 0) == 0;
    }

    // .NET keeps its own copy of the environment on Unix; the native caches read the C library's, so set that one.
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);
}
