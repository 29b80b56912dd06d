namespace LessData.Selection;

/// <summary>Parses --selector: which images fill each epoch's budget.</summary>
public static class SelectorParser
{
    public const string Forms = "random";

    public static ISelector Parse(string? spec) => (spec ?? "random").Trim().ToLowerInvariant() switch
    {
        "random" or "" => new RandomSelector(),
        _ => throw new UserError($"unknown selector '{spec}': use one of {Forms}"),
    };
}
