using LessData.Selection;

namespace LessData.Training;

/// <summary>Progress callbacks from the trainer (progress bars, sweep heartbeats). All optional.</summary>
public interface ITrainingObserver
{
    void SubsetChosen(int epoch, EpochPlan plan) { }
    void EpochStarted(int epoch, int totalEpochs, int images) { }
    void BatchDone(int epoch, int imagesDone, int imagesTotal, double epochSeconds) { }
    void EpochFinished(EpochRecord record, int totalEpochs) { }
}

public sealed class NullObserver : ITrainingObserver
{
    public static readonly NullObserver Instance = new();
}
