namespace LessData.Tuning;

/// <summary>
/// What the search reads about runs, by arm (0 = the baseline, i = candidate i, 1-based) and trial (0-based; trial t
/// of every arm shares a seed). The store's completed runs (<see cref="StoreEvidence"/>) or a simulation.
/// </summary>
internal interface ITuneEvidence
{
    /// <summary>The run is completed.</summary>
    bool Done(int arm, int trial);

    /// <summary>Candidate <paramref name="arm"/> against the baseline at a trial both completed: Δ top-1 (points) and time saved (% of the baseline's).</summary>
    (double Delta, double Saved) Pair(int arm, int trial);

    /// <summary>The budget a completed run used (1 for a runs budget; its measured hours for an hours budget).</summary>
    double Spent(int arm, int trial);

    /// <summary>The budget a run of <paramref name="arm"/> not yet made is expected to use, estimated from the runs in <paramref name="done"/> only.</summary>
    double Estimate(int arm, IReadOnlyCollection<(int Arm, int Trial)> done);
}
