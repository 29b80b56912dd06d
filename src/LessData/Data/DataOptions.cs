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

    /// <summary>A folder to look in first (the data-folder setting); null for none.</summary>
    public string? DataDir { get; init; }
    internal string? EnvDataDir { get; init; }
    /// <summary>The download cache, where datasets are downloaded to; "" for none.</summary>
    public string CacheRoot { get; init; } = "";
    /// <summary>System-wide dataset folders, looked in after the cache.</summary>
    public IReadOnlyList<string> SystemRoots { get; init; } = [];
    internal bool AllowDownload { get; init; } = true;
    internal string? Mirror { get; init; }
    internal IDownloader Downloader { get; init; } = new HttpDownloader();

    /// <summary>The search order of this machine: <paramref name="dataDir"/>, $LESSDATA_DATA, the user's cache, the system folders.</summary>
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

    /// <summary>The folders looked in, in order (the data folder, $LESSDATA_DATA, the cache, the system folders), without empty ones.</summary>
    public IEnumerable<string> SearchOrder =>
        new[] { DataDir, EnvDataDir, CacheRoot }.Concat(SystemRoots).Where(d => !string.IsNullOrEmpty(d)).Select(d => d!);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
