namespace LessData.Data;

/// <summary>One row of `lessdata datasets`: where a dataset was found and whether it verifies.</summary>
/// <param name="Name">The dataset's catalog name.</param>
/// <param name="Source">Where it was found: the data-folder setting (dataDir), LESSDATA_DATA, the cache or a system folder; "not found" or "incomplete" otherwise.</param>
/// <param name="Folder">The folder it was found in, or null.</param>
/// <param name="Verify">The verify result in words.</param>
/// <param name="Ok">Whether it verified.</param>
public sealed record DatasetStatus(string Name, string Source, string? Folder, string Verify, bool Ok)
{
    /// <summary>Every catalog dataset's status, without downloading: location, checksums, and a full parse of both splits.</summary>
    public static IReadOnlyList<DatasetStatus> InspectAll(DataOptions options) => DatasetInspection.Inspect(options);

    /// <summary>One catalog dataset's status, without downloading.</summary>
    /// <param name="name">A catalog name, e.g. fashion-mnist.</param>
    /// <param name="options">Where to look.</param>
    public static DatasetStatus Inspect(string name, DataOptions options) => DatasetInspection.Inspect(name, options);
}

/// <summary>Inspects every catalog dataset without downloading: location, checksums, and a full parse of both splits.</summary>
internal static class DatasetInspection
{
    public static IReadOnlyList<DatasetStatus> Inspect(DataOptions options) =>
        [.. DatasetCatalog.All.Select(d => Inspect(d, options))];

    /// <summary>One catalog dataset by name (e.g. "fashion-mnist"): where it was found and whether it parses; never downloads.</summary>
    public static DatasetStatus Inspect(string name, DataOptions options) => Inspect(DatasetCatalog.Get(name), options);

    internal static DatasetStatus Inspect(IDatasetFormat dataset, DataOptions options)
    {
        DataLocation? location;
        try
        {
            location = DataLocator.Find(dataset, options);
        }
        catch (UserError e)
        {
            return new DatasetStatus(dataset.Name, "incomplete", null, e.Message, false);
        }
        if (location is null)
            return new DatasetStatus(dataset.Name, "not found", null, "will be downloaded on first use (needs internet)", false);
        try
        {
            int train, test;
            using (var d = dataset.Load(location.Folder, "train")) train = d.Count;
            using (var d = dataset.Load(location.Folder, "test")) test = d.Count;
            return new DatasetStatus(dataset.Name, location.Source, location.Folder, $"{Checksum(dataset, location.Folder)}; parses: {train} train / {test} test images", true);
        }
        catch (UserError e)
        {
            return new DatasetStatus(dataset.Name, location.Source, location.Folder, e.Message, false);
        }
    }

    private static string Checksum(IDatasetFormat dataset, string folder)
    {
        var present = dataset.Downloads.Where(f => File.Exists(Path.Combine(folder, f.FileName))).ToList();
        if (present.Count == 0) return "no canonical archives here to checksum";
        if (present.All(f => f.Sha256 is null)) return "no published checksum";
        var mismatched = present.Where(f => f.Sha256 is { } s && Checksums.Sha256(Path.Combine(folder, f.FileName)) != s).Select(f => f.FileName).ToList();
        return mismatched.Count == 0
            ? $"sha256 ok ({present.Count(f => f.Sha256 is not null)} files)"
            : $"sha256 differs from the canonical archive for {string.Join(", ", mismatched)} (a repack, e.g. Debian's, reads the same if it parses)";
    }
}
