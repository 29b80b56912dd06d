namespace LessData.Benchmarks;

/// <summary>
/// Images/s of the training step on each convolution path (median over rounds); OneDnn is null where the self-check
/// found that path wrong. Ratio = ATen / oneDNN: above 1, ATen's own kernels are faster for this model here.
/// </summary>
public sealed record ConvPathRow(string Model, int Threads, int Batch, double? OneDnnImagesPerSecond, double AtenImagesPerSecond, int Rounds)
{
    public double? AtenOverOneDnn => OneDnnImagesPerSecond is { } o ? AtenImagesPerSecond / o : null;
}
