using LessData.Selection;

namespace LessData.Training;

/// <summary>Progress callbacks from the trainer (progress bars, sweep heartbeats). All optional.</summary>
public interface ITrainingObserver
{
    void SubsetChosen(int epoch, EpochPlan plan) { }
    void EpochStarted(int epoch, int totalEpochs, int images) { }
    void BatchDone(int epoch, int imagesDone, int imagesTotal, double epochSeconds) { }
    void EpochFinished(EpochRecord record, int totalEpochs) { }
    /// <summary>Data loading progress (decoding a folder dataset): a stage, items done and total. May come from worker threads.</summary>
    void Loading(string stage, int done, int total) { }
    /// <summary>Something the user should know that is not an error (e.g. files skipped).</summary>
    void Notice(string message) { }
}

internal sealed class NullObserver : ITrainingObserver
{
    public static readonly NullObserver Instance = new();
}
