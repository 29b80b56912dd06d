using System.Runtime.InteropServices;
using TorchSharp;

namespace LessData.Torch;

/// <summary>
/// libtorch's switch for oneDNN (MKL-DNN) in ATen's CPU operators: <c>at::globalContext().setUserEnabledMkldnn(bool)</c>,
/// which TorchSharp 0.107 does not expose. With oneDNN off, convolutions run on ATen's own kernels (im2col + GEMM),
/// which are exact to float rounding on every CPU. Reached by P/Invoke into libtorch_cpu (Itanium C++ names: Linux and
/// macOS builds of libtorch); <see cref="IsAvailable"/> is false elsewhere.
/// Why it exists: on one class of AVX-512 virtual machines libtorch 2.10's oneDNN 3.7.1 computes fp32 convolutions
/// wrongly whenever a channel count is not a multiple of 16 (docs/benchmarks.md, "Numerics self-check");
/// <see cref="NumericsSelfCheck"/> turns it off there.
/// </summary>
public static class OneDnn
{
    private const string Library = "libtorch_cpu";

    /// <summary>True when the switch can be read and set in this process.</summary>
    public static bool IsAvailable => s_available.Value;

    /// <summary>Whether ATen routes CPU operators (convolutions among them) to oneDNN. libtorch's default is true.</summary>
    /// <exception cref="PlatformNotSupportedException">The switch cannot be reached (see <see cref="IsAvailable"/>).</exception>
    public static bool Enabled
    {
        get => IsAvailable ? UserEnabledMkldnn(GlobalContext()) : throw Unsupported();
        set
        {
            if (!IsAvailable) throw Unsupported();
            SetUserEnabledMkldnn(GlobalContext(), value);
        }
    }

    private static readonly Lazy<bool> s_available = new(() =>
    {
        try
        {
            using var load = torch.zeros(1); // libtorch is loaded by TorchSharp first
            _ = UserEnabledMkldnn(GlobalContext());
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    });

    private static PlatformNotSupportedException Unsupported() =>
        new("libtorch's oneDNN switch (at::Context::setUserEnabledMkldnn) cannot be reached from this process");

    [DllImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.I1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);

    [DllImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.I1)] bool enabled);
}
