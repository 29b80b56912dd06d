using LessData.Experiments;

namespace LessData.Training;

/// <summary>
/// What a run carries from epoch to epoch besides weights: the finished epoch rows and each sample's latest training
/// loss (+inf until seen), which score-based selectors read. Saved in checkpoints so a resumed run continues exactly.
/// </summary>
public sealed class TrainingState(int datasetSize)
{
    private readonly List<EpochRecord> _epochs = [];

    public float[] Scores { get; } = Enumerable.Repeat(float.PositiveInfinity, datasetSize).ToArray();
    public IReadOnlyList<EpochRecord> Epochs => _epochs;
    public long Evaluations => _epochs.Count == 0 ? 0 : _epochs[^1].Evaluations;

    public void Append(EpochRecord record) => _epochs.Add(record);

    public void Restore(IEnumerable<EpochRecord> epochs, float[] scores)
    {
        if (scores.Length != Scores.Length)
            throw new InvalidDataException($"checkpoint holds {scores.Length} scores but the training set has {Scores.Length} images");
        _epochs.Clear();
        _epochs.AddRange(epochs);
        scores.CopyTo(Scores, 0);
    }
}
