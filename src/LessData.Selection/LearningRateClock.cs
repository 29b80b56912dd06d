namespace LessData.Selection;

/// <summary>
/// What "progress through training" means for a learning-rate schedule when epochs change size.
/// Epoch: progress = (epoch + share of this epoch done) / E — every epoch advances the schedule equally, however many
/// images it holds (the paper: the base model decays the rate once per epoch). ImagesSeen: progress = images trained on
/// so far / the run's predicted evaluations — the schedule advances with the work done, so a run that trains on less
/// data still reaches the schedule's end (the request from InfoBatch's users for shorter epochs). docs/library.md.
/// </summary>
public enum LearningRateClock
{
    /// <summary>Progress counted in epochs (the paper's choice).</summary>
    Epoch,

    /// <summary>Progress counted in images trained on, relative to the run's total.</summary>
    ImagesSeen,
}
