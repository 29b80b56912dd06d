namespace LessData.Selection;

/// <summary>
/// What one epoch trains on: the selected indices, their loss weights (null = all 1), the schedule's budget and the
/// fraction of the training set recorded for the epoch (the schedule's nominal fraction, or the realized share when
/// the selector sets the size). Deterministic for (seed, epoch, scores).
/// </summary>
public sealed class EpochPlan
{
    private readonly EpochSelection _selection;

    internal EpochPlan(int epoch, EpochSelection selection, int budget, double fraction, int seed, long evaluationsBefore)
    {
        Epoch = epoch;
        _selection = selection;
        Indices = Array.AsReadOnly(selection.Indices);
        Weights = selection.Weights is { } w ? Array.AsReadOnly(w) : null;
        Budget = budget;
        Fraction = fraction;
        Seed = seed;
        EvaluationsBefore = evaluationsBefore;
    }

    /// <summary>0-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>Dataset indices to train on, each once.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>Per-index loss weights parallel to <see cref="Indices"/>, or null for all 1.</summary>
    public IReadOnlyList<float>? Weights { get; }

    /// <summary>Images the schedule granted.</summary>
    public int Budget { get; }

    /// <summary>Fraction of the training set this epoch stands for.</summary>
    public double Fraction { get; }

    /// <summary>The run's seed (orders the batches).</summary>
    internal int Seed { get; }

    /// <summary>Images trained on in the epochs before this one.</summary>
    public long EvaluationsBefore { get; }

    /// <summary>The indices as the selector returned them (no copy), for the stage's own loops.</summary>
    internal int[] IndexArray => _selection.Indices;

    /// <summary>Images this epoch trains on: its evaluations.</summary>
    public int Count => Indices.Count;

    /// <summary>
    /// The epoch's batches in a seeded shuffled order. Every planned image is fed exactly once (no dropped last batch),
    /// and a last batch of one image joins the one before it, because batch-norm cannot normalise a single sample.
    /// </summary>
    public IReadOnlyList<Batch> Batches(int batchSize) => EpochBatches.Make(_selection, batchSize, Seed, Epoch);

    /// <summary>The planned indices in this epoch's seeded batch order, for a loader that takes an index sequence.</summary>
    public IEnumerable<long> Order() => Batches(int.MaxValue).SelectMany(b => b.Indices).Select(i => (long)i);
}
