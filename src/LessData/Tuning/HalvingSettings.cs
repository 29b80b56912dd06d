namespace LessData.Tuning;

/// <summary>
/// The fixed inputs of the search: Candidates (K), the margin M (points of top-1), trials in round 0 (FirstTrials,
/// at least 2), the most trials any arm gets (MaxTrials), the budget (in the evidence's unit), and Critical: the
/// critical t of the verdict with n trials (the Bonferroni × Pocock rule of <see cref="Statistics.VerdictRule"/>).
/// </summary>
internal sealed record HalvingSettings(int Candidates, double Margin, int FirstTrials, int MaxTrials, double Budget, Func<int, double> Critical);
