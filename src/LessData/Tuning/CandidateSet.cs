namespace LessData.Tuning;

/// <summary>
/// The candidates `tune` searches, parsed once from a space-separated list (duplicates refused). The default covers
/// the paper's three families and InfoBatch at two target fractions: Data Step F×P, Data Increment F, Data Cut N.
/// </summary>
internal sealed record CandidateSet(IReadOnlyList<TuneCandidate> Items)
{
    /// <summary>The default list, as a user would write it.</summary>
    public const string DefaultText = "step:0.25@0.5 step:0.5@0.5 increment:0.25 increment:0.5 cut:5 infobatch:target=0.5 step:0.5@0.5+rs2 seta:target=0.5 seta:target=0.7";

    public static CandidateSet Default { get; } = Parse(DefaultText);

    public int Count => Items.Count;

    /// <summary>Parses a space-separated list; null or blank gives the default.</summary>
    public static CandidateSet Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Default;
        var items = text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(TuneCandidate.Parse).ToList();
        var twice = items.GroupBy(c => c.Spec).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new UserError($"'{twice.Key}' appears twice", parameter: TuneCandidate.Setting);
        return new CandidateSet(items);
    }

    /// <summary>The canonical list (parses back to an equal set).</summary>
    public override string ToString() => string.Join(' ', Items.Select(c => c.Spec));
}
