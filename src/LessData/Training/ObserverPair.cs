using LessData.Selection;

namespace LessData.Training;

/// <summary>Forwards every callback to two observers (e.g. a progress display and a sweep heartbeat).</summary>
internal sealed class ObserverPair(ITrainingObserver first, ITrainingObserver second) : ITrainingObserver
{
    public void SubsetChosen(int epoch, EpochPlan plan)
    {
        first.SubsetChosen(epoch, plan);
        second.SubsetChosen(epoch, plan);
    }

    public void EpochStarted(int epoch, int totalEpochs, int images)
    {
        first.EpochStarted(epoch, totalEpochs, images);
        second.EpochStarted(epoch, totalEpochs, images);
    }

    public void BatchDone(int epoch, int imagesDone, int imagesTotal, double epochSeconds)
    {
        first.BatchDone(epoch, imagesDone, imagesTotal, epochSeconds);
        second.BatchDone(epoch, imagesDone, imagesTotal, epochSeconds);
    }

    public void EpochFinished(EpochRecord record, int totalEpochs)
    {
        first.EpochFinished(record, totalEpochs);
        second.EpochFinished(record, totalEpochs);
    }

    public void Loading(string stage, int done, int total)
    {
        first.Loading(stage, done, total);
        second.Loading(stage, done, total);
    }

    public void Notice(string message)
    {
        first.Notice(message);
        second.Notice(message);
    }
}
