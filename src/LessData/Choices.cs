namespace LessData;

/// <summary>Parses a name out of a fixed set (trimmed, case-insensitive), the shared rule of the recipe's named choices.</summary>
internal static class Choices
{
    public static T Parse<T>(string? text, IReadOnlyList<T> all, string setting) where T : notnull
    {
        string name = (text ?? "").Trim().ToLowerInvariant();
        return all.FirstOrDefault(c => c.ToString() == name)
            ?? throw new UserError($"must be one of {string.Join(", ", all)} (got '{text}')", parameter: setting);
    }
}
