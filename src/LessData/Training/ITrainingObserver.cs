using LessData.Selection;

namespace LessData.Training;

/// <summary>Progress callbacks from the trainer (progress bars, sweep heartbeats). All optional.</summary>
public interface ITrainingObserver
{
    /// <summary>The selection stage chose <paramref name="plan"/> for <paramref name="epoch"/>.</summary>
    void SubsetChosen(int epoch, EpochPlan plan) { }
    /// <summary>Epoch <paramref name="epoch"/> of <paramref name="totalEpochs"/> starts, training on <paramref name="images"/> images.</summary>
    void EpochStarted(int epoch, int totalEpochs, int images) { }
    /// <summary>A training batch finished: images done of the epoch's total, and the epoch's seconds so far.</summary>
    void BatchDone(int epoch, int imagesDone, int imagesTotal, double epochSeconds) { }
    /// <summary>An epoch finished and was evaluated: its record.</summary>
    void EpochFinished(EpochRecord record, int totalEpochs) { }
    /// <summary>Data loading progress (decoding a folder dataset): a stage, items done and total. May come from worker threads.</summary>
    void Loading(string stage, int done, int total) { }
    /// <summary>Something the user should know that is not an error (e.g. files skipped).</summary>
    void Notice(string message) { }

    /// <summary>An observer that forwards every callback to <paramref name="first"/>, then to <paramref name="second"/> (e.g. a progress display and a sweep heartbeat).</summary>
    static ITrainingObserver Pair(ITrainingObserver first, ITrainingObserver second) => new ObserverPair(first, second);
}

internal sealed class NullObserver : ITrainingObserver
{
    public static readonly NullObserver Instance = new();
}
