using LessData.Selection;
using LessData.Training;

namespace LessData.Runs;

/// <summary>
/// Keeps a run folder's run.json and epochs.csv current while the run trains: rewritten (atomically) with status
/// running after every epoch, and once more with the final status. Forwards every callback to the observer it wraps.
/// A resumed run starts from the rows already written; an epoch row replaces any row of the same or a later epoch
/// (a row written just before a hard kill, whose checkpoint was not saved, is trained again identically).
/// </summary>
internal sealed class RunJournal(string folder, Func<IReadOnlyList<EpochRecord>, RunState, string?, RunRecord> recordOf,
    IEnumerable<EpochRecord> earlier, ITrainingObserver inner) : ITrainingObserver
{
    private readonly List<EpochRecord> _epochs = [.. earlier];

    /// <summary>The epoch rows written so far.</summary>
    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    public RunRecord Write(RunState state, string? failure = null)
    {
        var record = recordOf(_epochs, state, failure);
        RunOutputs.Write(folder, record);
        return record;
    }

    /// <summary>As <see cref="Write"/>, for the failure path: a second I/O error must not hide the first error.</summary>
    public void TryWrite(RunState state, string failure)
    {
        try { Write(state, failure); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public void EpochFinished(EpochRecord record, int totalEpochs)
    {
        int keep = Math.Clamp(record.Epoch - 1, 0, _epochs.Count);
        _epochs.RemoveRange(keep, _epochs.Count - keep);
        _epochs.Add(record);
        Write(RunState.Running);
        inner.EpochFinished(record, totalEpochs);
    }

    public void SubsetChosen(int epoch, EpochPlan plan) => inner.SubsetChosen(epoch, plan);

    public void EpochStarted(int epoch, int totalEpochs, int images) => inner.EpochStarted(epoch, totalEpochs, images);

    public void BatchDone(int epoch, int imagesDone, int imagesTotal, double epochSeconds) =>
        inner.BatchDone(epoch, imagesDone, imagesTotal, epochSeconds);

    public void Loading(string stage, int done, int total) => inner.Loading(stage, done, total);

    public void Notice(string message) => inner.Notice(message);
}
