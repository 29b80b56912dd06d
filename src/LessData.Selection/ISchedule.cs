namespace LessData.Selection;

/// <summary>
/// A schedule decides HOW MANY images each epoch trains on. Pure: no state, no randomness.
/// Epochs are 0-based: epoch in [0, totalEpochs).
/// </summary>
public interface ISchedule
{
    /// <summary>The canonical spec, e.g. "step:0.25@0.5", "increment:0.25", "cut:5", "full".</summary>
    string Spec { get; }

    /// <summary>True for the baseline schedule: every image, every epoch.</summary>
    bool IsFull => false;

    /// <summary>The policy the paper uses for this method when the user does not choose one.</summary>
    SubsetPolicy DefaultPolicy { get; }

    /// <summary>The nominal fraction of the training set for this epoch, in (0, 1].</summary>
    double FractionAt(int epoch, int totalEpochs);

    /// <summary>The exact number of images for this epoch, in [1, datasetSize].</summary>
    int ImagesAt(int epoch, int totalEpochs, int datasetSize);

    /// <summary>The evaluations formula from the method card (closed form); equals the sum of ImagesAt over epochs.</summary>
    long PredictedEvaluations(int totalEpochs, int datasetSize);
}
