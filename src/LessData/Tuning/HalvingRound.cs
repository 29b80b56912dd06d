namespace LessData.Tuning;

/// <summary>One round of the search: every arm in it (the baseline and <paramref name="Candidates"/>, 1-based) runs up to <paramref name="Trials"/> trials.</summary>
internal sealed record HalvingRound(int Index, int Trials, IReadOnlyList<int> Candidates);
