namespace LessData.Selection;

/// <summary>
/// The one rounding rule of every schedule: nearest, halves away from zero; an epoch never trains on fewer than one
/// image (a fraction that rounds to 0 images uses 1).
/// </summary>
internal static class Rounding
{
    public static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    public static int Images(double fraction, int datasetSize) =>
        Math.Clamp(Round(fraction * datasetSize), Math.Min(1, datasetSize), datasetSize);
}
