namespace LessData.Data.Folders;

/// <summary>
/// What a folder dataset run read, recorded in run.json: layout, class names (index = label), the test split,
/// decoded size and channels, image counts, skipped files (count and the first few) and whether the cache was hit.
/// </summary>
internal sealed record FolderSummary(string Path, string Layout, IReadOnlyList<string> Classes, double? TestSplit, string ImageSize,
    int Channels, int TrainImages, int TestImages, int SkippedFiles, IReadOnlyList<string> FirstSkipped, bool CacheHit, double LoadSeconds)
{
    public const int SkippedShown = 5;
}
