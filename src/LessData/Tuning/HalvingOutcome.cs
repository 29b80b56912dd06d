namespace LessData.Tuning;

/// <summary>
/// The search replayed on the evidence: the rounds planned so far, each candidate's state, the baseline's trials, the
/// budget spent by the completed rounds, and either the runs the current round still needs (Pending) or, when the
/// search is over, why it stopped (Stop).
/// </summary>
internal sealed record HalvingOutcome(IReadOnlyList<HalvingRound> Rounds, IReadOnlyList<CandidateState> Candidates, int BaselineTrials,
    double Spent, IReadOnlyList<(int Arm, int Trial)> Pending, string? Stop)
{
    public bool Finished => Stop is not null;

    /// <summary>The candidate that maintains with the largest mean time saved (the recommendation), if any.</summary>
    public CandidateState? Best => Candidates.Where(c => c.Status == CandidateStatus.Maintains).OrderByDescending(c => c.MeanSaved).ThenBy(c => c.Arm).FirstOrDefault();
}
