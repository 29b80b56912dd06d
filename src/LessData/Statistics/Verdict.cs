namespace LessData.Statistics;

/// <summary>A method's accuracy verdict against the baseline with a margin M (points of top-1).</summary>
public enum Verdict
{
    /// <summary>The 95% CI of Δ top-1 lies above −M: any loss is smaller than the margin.</summary>
    Maintains,
    /// <summary>The 95% CI lies below −M: the loss is larger than the margin.</summary>
    Loses,
    /// <summary>The CI straddles −M (or there are too few trials for a CI). Never read as "maintains".</summary>
    Inconclusive,
}
