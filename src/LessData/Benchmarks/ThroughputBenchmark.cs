using System.Diagnostics;
using LessData.Augmentation;
using LessData.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Benchmarks;

/// <summary>
/// Training-step throughput of a model (images/s, median of timed iterations after warm-up) and the share of a step
/// spent in each phase. Input is a synthetic uint8 dataset of the real shape, so no download is needed.
/// </summary>
internal static class ThroughputBenchmark
{
    public sealed record Result(double ImagesPerSecond, BenchResult.StepPhases Phases);

    public static Result Measure(Func<nn.Module<Tensor, Tensor>> createModel, IBatchTransform transform, int datasetSize,
        int channels, int height, int width, int batch, int threads, int warmup = 2, int iterations = 5)
    {
        if (threads > 0) torch.set_num_threads(threads);
        torch.manual_seed(1);
        using var images = torch.randint(0, 256, [datasetSize, channels, height, width], dtype: ScalarType.Byte);
        using var labels = torch.randint(0, 10, [datasetSize], dtype: ScalarType.Int64);
        using var model = createModel();
        using var optimizer = torch.optim.Adam(model.parameters(), 0.001);
        using var generator = new Generator(7, device: null);
        model.train();
        var selector = Selectors.Random();
        int epoch = 0;

        var phases = new List<double[]>();
        double StepOnce()
        {
            var t = new double[6];
            long s = Stopwatch.GetTimestamp();
            var picked = selector.Select(new SelectionRequest(epoch++, 1000, datasetSize, batch, 1, SubsetPolicy.Redraw)).Indices;
            t[0] = Lap(ref s);
            using var scope = torch.NewDisposeScope();
            var idx = torch.tensor(picked.Select(i => (long)i).ToArray());
            var raw = images.index_select(0, idx);
            var y = labels.index_select(0, idx);
            t[1] = Lap(ref s);
            var x = transform.Train(raw, generator);
            t[2] = Lap(ref s);
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(x), y, reduction: nn.Reduction.None).mean();
            t[3] = Lap(ref s);
            loss.backward();
            t[4] = Lap(ref s);
            optimizer.step();
            t[5] = Lap(ref s);
            phases.Add(t);
            return t.Sum();
        }

        for (int i = 0; i < warmup; i++) StepOnce();
        phases.Clear();
        var totals = Enumerable.Range(0, iterations).Select(_ => StepOnce()).ToList();
        double median = Timing.Median(totals);
        var p = Enumerable.Range(0, 6).Select(k => Timing.Median(phases.Select(t => t[k]).ToList())).ToArray();
        return new Result(batch / median, new BenchResult.StepPhases(p[0], p[1], p[2], p[3], p[4], p[5]));
    }

    private static double Lap(ref long start)
    {
        long now = Stopwatch.GetTimestamp();
        double seconds = Stopwatch.GetElapsedTime(start, now).TotalSeconds;
        start = now;
        return seconds;
    }
}
