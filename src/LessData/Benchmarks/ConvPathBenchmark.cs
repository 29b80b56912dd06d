using LessData.Augmentation;
using LessData.Models;
using LessData.Native;
using LessData.Torch;

namespace LessData.Benchmarks;

/// <summary>
/// Training throughput of one model on each correct convolution path: oneDNN (libtorch's default) and ATen's own
/// kernels (oneDNN off). The two are measured in alternating rounds in one process, so the ratio is fair on a noisy
/// machine. Where the numerics self-check found oneDNN wrong, only ATen is timed (the other path is not a choice).
/// </summary>
internal static class ConvPathBenchmark
{
    public static BenchResult.ConvPathRow Measure(string model, IBatchTransform transform, int datasetSize, int channels, int size, int classes,
        int batch, int threads, int warmup, int iterations, int rounds)
    {
        if (rounds < 1) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "at least one round per path");
        ModelFactory.Create(model, channels, size, size, classes).Dispose(); // the self-check of this model's shapes, first
        bool oneDnnCorrect = NumericsGuard.Current is { Action: NumericsAction.None, Correct: true } && OneDnn.IsAvailable;
        bool before = OneDnn.IsAvailable && OneDnn.Enabled;
        var onednn = new List<double>();
        var aten = new List<double>();
        try
        {
            for (int r = 0; r < rounds; r++)
                foreach (bool useOneDnn in r % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    if (useOneDnn && !oneDnnCorrect) continue;
                    OneDnn.Enabled = useOneDnn;
                    var measured = ThroughputBenchmark.Measure(() => ModelFactory.Create(model, channels, size, size, classes), transform,
                        datasetSize, channels, size, size, batch, threads, warmup, iterations);
                    (useOneDnn ? onednn : aten).Add(measured.ImagesPerSecond);
                }
        }
        finally
        {
            if (OneDnn.IsAvailable) OneDnn.Enabled = before;
        }
        return new BenchResult.ConvPathRow(model, threads, batch, onednn.Count > 0 ? Timing.Median(onednn) : null, Timing.Median(aten), rounds);
    }
}
