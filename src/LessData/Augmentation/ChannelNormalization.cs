using LessData.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// Per-channel mean and standard deviation of the training split, on the [0, 1) pixel scale (byte / 256) of the
/// pipeline's test-time output. Folder datasets standardise with them: model input = (x − mean) / std.
/// </summary>
internal sealed record ChannelNormalization(double[] Mean, double[] Std)
{
    /// <summary>Statistics of the training split as the model would see it without augmentation, in chunks.</summary>
    internal static ChannelNormalization Measure(ImageDataset train, IBatchTransform pipeline, int chunk = 1000)
    {
        int c = pipeline.OutputShape.Channels;
        var sum = new double[c];
        var squares = new double[c];
        long count = 0;
        using var _ = torch.no_grad();
        for (int start = 0; start < train.Count; start += chunk)
        {
            using var scope = torch.NewDisposeScope();
            var x = pipeline.Test(train.ImageTensor.narrow(0, start, Math.Min(chunk, train.Count - start))).to(ScalarType.Float64);
            var unit = x.add(1).div_(2); // pipelines centre with (u − 0.5)·2; back to u
            var s = unit.sum([0, 2, 3]).data<double>().ToArray();
            var q = unit.square().sum([0, 2, 3]).data<double>().ToArray();
            for (int i = 0; i < c; i++) { sum[i] += s[i]; squares[i] += q[i]; }
            count += unit.shape[0] * unit.shape[2] * unit.shape[3];
        }
        var mean = sum.Select(v => v / Math.Max(1, count)).ToArray();
        var std = squares.Select((q, i) => Math.Sqrt(Math.Max(0, q / Math.Max(1, count) - mean[i] * mean[i]))).Select(s => s < 1e-6 ? 1.0 : s).ToArray();
        return new ChannelNormalization(mean, std);
    }
}
