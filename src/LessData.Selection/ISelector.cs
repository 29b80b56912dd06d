namespace LessData.Selection;

/// <summary>
/// A selector decides WHICH images fill the schedule's budget. Pure: the same request gives the same selection.
/// Besides choosing, a selector says what it does, so callers ask it instead of testing its type: whether it reads
/// scores, whether it sets each epoch's size itself, which schedules it runs with and what evaluations it predicts.
/// The defaults describe a selector that simply fills the schedule's budget, as random does.
/// </summary>
public interface ISelector
{
    /// <summary>The canonical spec, e.g. "random", "loss:hard=0.5,unbiased".</summary>
    string Spec { get; }

    /// <summary>True for the paper's random selector (images excluded at random): the baseline's selector.</summary>
    bool IsRandom => false;

    /// <summary>True when it reads per-sample losses, which the training loop must then hand back (SelectionStage.Observe).</summary>
    bool NeedsScores => false;

    /// <summary>True when it decides each epoch's size itself instead of filling the schedule's budget.</summary>
    bool SetsEpochSize => false;

    /// <summary>Throws <see cref="SelectionException"/> when it cannot run with this schedule and number of epochs.</summary>
    void Validate(ISchedule schedule, int totalEpochs) { }

    /// <summary>Evaluations (images trained on) the run will count, or null when they depend on the losses.</summary>
    long? PredictedEvaluations(ISchedule schedule, int totalEpochs, int datasetSize) => schedule.PredictedEvaluations(totalEpochs, datasetSize);

    /// <summary>The indices (and weights) for one epoch.</summary>
    EpochSelection Select(SelectionRequest request);
}
