namespace LessData.Native;

/// <summary>
/// Which kernels compute fp32 convolutions on the CPU. Both are correct where the numerics self-check passes; which is
/// faster depends on the model and the processor (`lessdata bench` times both; docs/benchmarks.md).
/// </summary>
public enum ConvolutionPath
{
    /// <summary>oneDNN (libtorch's default), unless the numerics self-check found it wrong on this machine.</summary>
    Auto,
    /// <summary>ATen's own kernels (oneDNN off for ATen operators).</summary>
    Aten,
}
