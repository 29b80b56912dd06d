using System.Globalization;

namespace LessData.Selection;

/// <summary>
/// Data Step (paper §3.1): the first S1 = round(P·E) epochs use round(F·n) images, the remaining epochs use all n.
/// Evaluations = S1 · max(1, round(F·n)) + (E − S1) · n ≈ (F·P + 1 − P) of the baseline.
/// </summary>
internal sealed class DataStepSchedule : ISchedule
{
    public DataStepSchedule(double fraction, double portion)
    {
        Fraction = ScheduleArguments.Fraction(fraction, "step", "fraction", "schedule");
        Portion = ScheduleArguments.Portion(portion, "step", "portion of epochs P", "schedule");
    }

    public double Fraction { get; }
    public double Portion { get; }

    public string Spec => string.Create(CultureInfo.InvariantCulture, $"step:{Fraction:0.###}@{Portion:0.###}");
    public SubsetPolicy DefaultPolicy => SubsetPolicy.Redraw;

    public int FirstSectionEpochs(int totalEpochs) => Rounding.Round(Portion * totalEpochs);

    public double FractionAt(int epoch, int totalEpochs) => epoch < FirstSectionEpochs(totalEpochs) ? Fraction : 1.0;

    public int ImagesAt(int epoch, int totalEpochs, int datasetSize) =>
        epoch < FirstSectionEpochs(totalEpochs) ? Rounding.Images(Fraction, datasetSize) : datasetSize;

    public long PredictedEvaluations(int totalEpochs, int datasetSize)
    {
        long s1 = FirstSectionEpochs(totalEpochs);
        return s1 * Rounding.Images(Fraction, datasetSize) + (totalEpochs - s1) * (long)datasetSize;
    }
}
