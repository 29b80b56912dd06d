namespace LessData.Selection;

/// <summary>
/// Everything a selector's decision may depend on. Labels are given for stratification; Scores (one per sample,
/// latest training loss, +inf when never seen) for score-based selectors.
/// </summary>
public sealed class SelectionRequest
{
    /// <summary>Creates a request.</summary>
    public SelectionRequest(int epoch, int totalEpochs, int datasetSize, int budget, int seed, SubsetPolicy policy,
        bool stratify = false, IReadOnlyList<int>? labels = null, IReadOnlyList<float>? scores = null)
    {
        Epoch = epoch;
        TotalEpochs = totalEpochs;
        DatasetSize = datasetSize;
        Budget = budget;
        Seed = seed;
        Policy = policy;
        Stratify = stratify;
        Labels = labels;
        Scores = scores;
    }

    /// <summary>0-based epoch being planned.</summary>
    public int Epoch { get; }

    /// <summary>Epochs in the run.</summary>
    public int TotalEpochs { get; }

    /// <summary>Images in the training set (n).</summary>
    public int DatasetSize { get; }

    /// <summary>Images the schedule grants this epoch.</summary>
    public int Budget { get; }

    /// <summary>The run's seed.</summary>
    public int Seed { get; }

    /// <summary>Redraw or nested subsets.</summary>
    public SubsetPolicy Policy { get; }

    /// <summary>Class-balanced subsets (needs Labels).</summary>
    public bool Stratify { get; }

    /// <summary>Class of each sample, or null.</summary>
    public IReadOnlyList<int>? Labels { get; }

    /// <summary>Latest loss of each sample (+inf or NaN = unseen), or null.</summary>
    public IReadOnlyList<float>? Scores { get; }

    /// <summary>
    /// The run's schedule, for selectors whose choice depends on earlier epochs' budgets (rs2 walks one permutation
    /// across epochs); null when not known, and then such a selector takes every earlier epoch to have had this
    /// epoch's budget. <see cref="SelectionStage"/> always sets it.
    /// </summary>
    public ISchedule? Schedule { get; init; }
}
