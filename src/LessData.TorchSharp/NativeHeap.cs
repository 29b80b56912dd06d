using System.Runtime.InteropServices;

namespace LessData.Torch;

/// <summary>
/// Gives the C heap's free pages back to the operating system. libtorch allocates activations with the C library's
/// malloc; glibc raises its mmap threshold after the first large free, so later activations come from the heap, and when
/// the last batch changes shape every epoch their sizes keep changing: freed blocks of the old sizes stay resident as
/// holes the new sizes do not fit. <c>malloc_trim(0)</c> once per epoch, after the training pass, returns those pages
/// (it releases whole free pages anywhere in the heap, not only at its top). It touches no live tensor, so nothing
/// trained changes, and it costs milliseconds per epoch. Measured: docs/benchmarks.md, memory.
/// </summary>
public static class NativeHeap
{
    private static bool unavailable;

    /// <summary>
    /// Returns the heap's free pages to the system (glibc's malloc_trim). Returns false where the C library has no such call
    /// (Windows, macOS, musl): there it does nothing.
    /// </summary>
    public static bool Trim()
    {
        if (unavailable || !OperatingSystem.IsLinux()) return false;
        try
        {
            MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            unavailable = true;
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
