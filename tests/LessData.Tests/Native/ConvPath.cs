using LessData.Torch;

namespace LessData.Tests.Native;

/// <summary>
/// Runs a test body on one convolution path: as the numerics self-check leaves it (the product's default), or with
/// oneDNN forced off (ATen's own kernels, the fallback). Restores the previous setting. Tests using it must be in the
/// serial collection: the switch is process-wide.
/// </summary>
public sealed class ConvPath : IDisposable
{
    private readonly bool _before;

    private ConvPath(bool oneDnnOff)
    {
        _before = OneDnn.Enabled;
        if (oneDnnOff) OneDnn.Enabled = false;
    }

    public static ConvPath Use(bool oneDnnOff) => new(oneDnnOff);

    public void Dispose() => OneDnn.Enabled = _before;
}
