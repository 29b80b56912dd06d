using TorchSharp;

namespace LessData.Native;

/// <summary>Loads the native libtorch backend once and turns a load failure into one actionable message.</summary>
internal static class TorchRuntime
{
    private static readonly Lazy<string?> s_loadError = new(TryLoad);

    public static void EnsureLoaded()
    {
        if (s_loadError.Value is { } error) throw new UserError(error);
    }

    private static string? TryLoad()
    {
        try
        {
            LessData.Torch.ShapeCaches.Bound(); // before the first convolution: per-shape caches stay bounded (docs/benchmarks.md, memory)
            using var probe = torch.ones(1);
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException or BadImageFormatException)
        {
            return "the native TorchSharp backend (libLibTorchSharp.so / libtorch) failed to load. "
                + "On Debian 12 this is usually the GLIBCXX_3.4.32 requirement: rebuild with './lessdata --rebuild' so the build marks it weak, "
                + "and check 'ldd <bin>/runtimes/linux-x64/native/libLibTorchSharp.so'. See README, Troubleshooting. "
                + $"(cause: {Innermost(e).Message.Split('\n')[0]})";
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
