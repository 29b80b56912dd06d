namespace LessData.Selection;

/// <summary>The baseline: every image, every epoch. Evaluations = E · n.</summary>
internal sealed class FullSchedule : ISchedule
{
    public string Spec => "full";
    public bool IsFull => true;
    public SubsetPolicy DefaultPolicy => SubsetPolicy.Redraw;
    public double FractionAt(int epoch, int totalEpochs) => 1.0;
    public int ImagesAt(int epoch, int totalEpochs, int datasetSize) => datasetSize;
    public long PredictedEvaluations(int totalEpochs, int datasetSize) => (long)totalEpochs * datasetSize;
}
