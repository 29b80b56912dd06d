namespace LessData.Training;

/// <summary>
/// What a run carries from epoch to epoch besides weights and the selection stage: the finished epoch rows. Saved in
/// checkpoints so a resumed run continues exactly.
/// </summary>
internal sealed class TrainingState
{
    private readonly List<EpochRecord> _epochs = [];

    public IReadOnlyList<EpochRecord> Epochs => _epochs;
    public long Evaluations => _epochs.Count == 0 ? 0 : _epochs[^1].Evaluations;

    public void Append(EpochRecord record) => _epochs.Add(record);

    public void Restore(IEnumerable<EpochRecord> epochs)
    {
        _epochs.Clear();
        _epochs.AddRange(epochs);
    }
}
