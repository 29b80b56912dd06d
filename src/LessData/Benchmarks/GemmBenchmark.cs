using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Benchmarks;

/// <summary>libtorch's fp32 (or bf16) matrix-multiply GFLOP/s on this machine: the roof the model is compared against.</summary>
internal static class GemmBenchmark
{
    public static double Gflops(int size, ScalarType dtype, int threads, int iterations = 5)
    {
        if (threads > 0) torch.set_num_threads(threads);
        using var a = torch.randn(size, size).to(dtype);
        using var b = torch.randn(size, size).to(dtype);
        double seconds = Timing.MedianSeconds(() =>
        {
            using var c = torch.mm(a, b);
        }, warmup: 2, iterations);
        return 2.0 * size * size * size / seconds / 1e9;
    }
}
