namespace LessData.Data;

/// <summary>A file of a dataset's canonical distribution: its name, where it is downloaded from, and its published SHA-256 (null when none is published).</summary>
internal sealed record RemoteFile(string FileName, string Url, string? Sha256);
