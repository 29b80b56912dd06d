using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Torch;

/// <summary>
/// What one probe found: the largest relative error of fp32 convolutions (forward, gradient of the input, gradient of
/// the weight) against the same convolutions in float64, which libtorch computes without oneDNN. The error of a tensor
/// is max |fp32 − float64| / max |float64|; a NaN or infinite result counts as an infinite error.
/// </summary>
/// <param name="MaxRelativeError">The largest error over every shape and pass.</param>
/// <param name="Worst">The shape and pass with that error.</param>
/// <param name="ShapesChecked">How many shapes were probed.</param>
/// <param name="OneDnnEnabled">Whether oneDNN was on during the probe (null when the switch cannot be read).</param>
public sealed record ConvolutionProbe(double MaxRelativeError, string Worst, int ShapesChecked, bool? OneDnnEnabled)
{
    /// <summary>Whether every error is within <paramref name="tolerance"/>.</summary>
    public bool Passed(double tolerance) => MaxRelativeError <= tolerance;

    /// <summary>Runs the probe: batch 2 (so that libtorch routes fp32 convolutions to oneDNN), fixed seeded inputs.</summary>
    public static ConvolutionProbe Run(IEnumerable<ConvolutionShape> shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        var list = shapes.Distinct().ToList();
        double worst = 0;
        string where = "none";
        using var generator = new Generator(20220803); // its own stream: the caller's random state is untouched
        foreach (var s in list)
        {
            using var scope = torch.NewDisposeScope();
            int size = Math.Max(s.KernelHeight, s.KernelWidth) + 5;
            var x = torch.randn([2, s.InChannels, size, size], ScalarType.Float64, generator: generator);
            var w = torch.randn([s.OutChannels, s.InChannels, s.KernelHeight, s.KernelWidth], ScalarType.Float64, generator: generator);
            var gy = torch.randn([2, s.OutChannels, size - s.KernelHeight + 1, size - s.KernelWidth + 1], ScalarType.Float64, generator: generator);
            var (y32, gx32, gw32) = Passes(x.to(ScalarType.Float32), w.to(ScalarType.Float32), gy.to(ScalarType.Float32));
            var (y64, gx64, gw64) = Passes(x, w, gy);
            foreach (var (name, a, b) in new[] { ("forward", y32, y64), ("input gradient", gx32, gx64), ("weight gradient", gw32, gw64) })
            {
                double e = RelativeError(a, b);
                if (e > worst || (double.IsPositiveInfinity(e) && where == "none")) { worst = e; where = $"{s} {name}"; }
            }
        }
        return new ConvolutionProbe(worst, where, list.Count, OneDnn.IsAvailable ? OneDnn.Enabled : null);
    }

    private static (Tensor Y, Tensor Gx, Tensor Gw) Passes(Tensor x, Tensor w, Tensor gy)
    {
        var xi = x.detach().requires_grad_(true);
        var wi = w.detach().requires_grad_(true);
        var y = nn.functional.conv2d(xi, wi);
        y.backward([gy]);
        return (y.detach(), xi.grad!, wi.grad!);
    }

    private static double RelativeError(Tensor fp32, Tensor reference)
    {
        double diff = (fp32.to(ScalarType.Float64) - reference).abs().max().item<double>();
        double scale = reference.abs().max().item<double>();
        return double.IsFinite(diff) ? diff / Math.Max(scale, 1e-30) : double.PositiveInfinity;
    }
}
