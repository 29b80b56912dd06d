namespace LessData.Data;

/// <summary>
/// Where datasets are looked for, in order: DataDir (--data-dir), EnvDataDir ($LESSDATA_DATA), CacheRoot (the user cache),
/// SystemRoots (/usr/share/datasets), then a download into the cache. Mirror replaces the canonical download base
/// (a URL or folder ending in the file names; $LESSDATA_MIRROR), which is how the download path is tested offline.
/// </summary>
public sealed record DataOptions
{
    /// <summary>How errors and data locations name the data-folder setting (the CLI maps it to its flag).</summary>
    public const string DataDirSetting = "dataDir";

    public string? DataDir { get; init; }
    public string? EnvDataDir { get; init; }
    public string CacheRoot { get; init; } = "";
    public IReadOnlyList<string> SystemRoots { get; init; } = [];
    public bool AllowDownload { get; init; } = true;
    public string? Mirror { get; init; }
    internal IDownloader Downloader { get; init; } = new HttpDownloader();

    public static DataOptions FromEnvironment(string? dataDir) => new()
    {
        DataDir = dataDir,
        EnvDataDir = NullIfEmpty(Environment.GetEnvironmentVariable("LESSDATA_DATA")),
        CacheRoot = Path.Combine(
            NullIfEmpty(Environment.GetEnvironmentVariable("XDG_CACHE_HOME"))
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "lessdata"),
        SystemRoots = ["/usr/share/datasets", "/usr/local/share/datasets"],
        Mirror = NullIfEmpty(Environment.GetEnvironmentVariable("LESSDATA_MIRROR")),
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
