namespace LessData.Data;

/// <summary>Where a dataset was found: which of the search steps, and the folder.</summary>
internal sealed record DataLocation(string Source, string Folder);
