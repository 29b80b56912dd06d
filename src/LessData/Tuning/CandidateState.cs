namespace LessData.Tuning;

/// <summary>Where a candidate stands in the search.</summary>
internal enum CandidateStatus
{
    /// <summary>Still searched (or the search stopped with it undecided).</summary>
    Undecided,
    /// <summary>Its verdict is "maintains" (final).</summary>
    Maintains,
    /// <summary>Its verdict is "loses" (final).</summary>
    Loses,
    /// <summary>Dropped undecided: by halving, by the budget, or because it cannot save more than a candidate that maintains.</summary>
    Dropped,
}

/// <summary>
/// One candidate (1-based <paramref name="Arm"/>) after the search so far: its trials, status, the round that decided
/// or dropped it, why it was dropped, and its mean Δ top-1 and time saved over those trials (NaN before any).
/// </summary>
internal sealed record CandidateState(int Arm, int Trials, CandidateStatus Status, int? Round, string? Why, double MeanDelta, double MeanSaved);
