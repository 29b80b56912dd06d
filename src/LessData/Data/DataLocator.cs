namespace LessData.Data;

/// <summary>
/// Finds a dataset's folder in the documented order. A folder that holds some but not all of a dataset's files is an
/// error naming what is missing (never silently skipped); a folder that holds none is passed over.
/// </summary>
internal static class DataLocator
{
    public static IEnumerable<DataLocation> Candidates(IDatasetFormat dataset, DataOptions options)
    {
        if (options.DataDir is { } dir)
        {
            if (!Directory.Exists(dir)) throw new UserError($"{dir}: folder not found", parameter: DataOptions.DataDirSetting);
            yield return new DataLocation(DataOptions.DataDirSetting, Path.Combine(dir, dataset.Name));
            yield return new DataLocation(DataOptions.DataDirSetting, dir);
        }
        if (options.EnvDataDir is { } env)
        {
            yield return new DataLocation("LESSDATA_DATA", Path.Combine(env, dataset.Name));
            yield return new DataLocation("LESSDATA_DATA", env);
        }
        if (options.CacheRoot != "") yield return new DataLocation("cache", Path.Combine(options.CacheRoot, dataset.Name));
        foreach (var root in options.SystemRoots) yield return new DataLocation("system", Path.Combine(root, dataset.Name));
    }

    /// <summary>The first complete location, or null when no location holds any of the files.</summary>
    public static DataLocation? Find(IDatasetFormat dataset, DataOptions options)
    {
        foreach (var location in Candidates(dataset, options))
        {
            if (!Directory.Exists(location.Folder)) continue;
            var files = dataset.Files(location.Folder);
            int found = files.Count(f => f.Found is not null);
            if (found == files.Count) return location;
            if (found > 0)
                throw new UserError($"{location.Folder} holds only part of {dataset.Name}: missing {string.Join(", ", files.Where(f => f.Found is null).Select(f => f.Expected))}; add them or remove the folder", parameter: location.Source == DataOptions.DataDirSetting ? location.Source : null);
        }
        return null;
    }

    /// <summary>Finds the dataset, or downloads it into the cache and verifies every file by SHA-256.</summary>
    public static DataLocation FindOrDownload(IDatasetFormat dataset, DataOptions options, CancellationToken cancel = default)
    {
        if (Find(dataset, options) is { } found) return found;
        if (!options.AllowDownload || options.CacheRoot == "")
            throw new UserError($"needs a folder holding {dataset.Name}: not found in {string.Join(", ", Candidates(dataset, options).Select(c => c.Folder).Distinct())}", parameter: DataOptions.DataDirSetting);
        var folder = Path.Combine(options.CacheRoot, dataset.Name);
        Directory.CreateDirectory(folder);
        foreach (var file in dataset.Downloads)
        {
            var url = options.Mirror is { } mirror ? mirror.TrimEnd('/') + "/" + file.FileName : file.Url;
            var target = Path.Combine(folder, file.FileName);
            var partial = target + ".part";
            options.Downloader.Download(url, partial, cancel);
            if (file.Sha256 is { } expected)
            {
                var actual = Checksums.Sha256(partial);
                if (actual != expected)
                {
                    File.Delete(partial);
                    throw new UserError($"{url}: checksum mismatch (SHA-256 {actual}, expected {expected}); the download was deleted, try again or check the source");
                }
            }
            File.Move(partial, target, overwrite: true);
        }
        dataset.Install(folder);
        return new DataLocation("download", folder);
    }
}
