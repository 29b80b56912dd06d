using System.Globalization;

namespace LessData.Selection;

/// <summary>
/// Data Increment (paper §3.2): the fraction grows linearly, epoch by epoch, from F at the first epoch to 1 at the last:
/// f_e = F + (1 − F) · e / (E − 1), e = 0..E−1 (a single epoch uses all data). Images_e = max(1, round(f_e · n)).
/// Evaluations = Σ_e Images_e ≈ (1 + F)/2 of the baseline.
/// </summary>
internal sealed class DataIncrementSchedule : ISchedule
{
    public DataIncrementSchedule(double fraction) => Fraction = ScheduleArguments.Fraction(fraction, "increment", "starting fraction", "schedule");

    public double Fraction { get; }

    public string Spec => string.Create(CultureInfo.InvariantCulture, $"increment:{Fraction:0.###}");
    public SubsetPolicy DefaultPolicy => SubsetPolicy.Redraw;

    public double FractionAt(int epoch, int totalEpochs) =>
        totalEpochs <= 1 ? 1.0 : Fraction + (1 - Fraction) * epoch / (totalEpochs - 1);

    public int ImagesAt(int epoch, int totalEpochs, int datasetSize) => Rounding.Images(FractionAt(epoch, totalEpochs), datasetSize);

    /// <summary>The card's exact sum, written from the formula rather than by calling ImagesAt.</summary>
    public long PredictedEvaluations(int totalEpochs, int datasetSize)
    {
        if (totalEpochs <= 1) return (long)totalEpochs * datasetSize;
        long sum = 0;
        for (int e = 0; e < totalEpochs; e++)
        {
            double f = Fraction + (1 - Fraction) * e / (totalEpochs - 1);
            sum += Math.Clamp((long)Math.Round(f * datasetSize, MidpointRounding.AwayFromZero), Math.Min(1, datasetSize), datasetSize);
        }
        return sum;
    }
}
