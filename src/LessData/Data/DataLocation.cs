namespace LessData.Data;

/// <summary>Where a dataset was found: which of the search steps, and the folder.</summary>
public sealed record DataLocation(string Source, string Folder);
