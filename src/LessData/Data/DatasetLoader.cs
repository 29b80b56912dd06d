namespace LessData.Data;

/// <summary>The collect stage's entry point: find (or download) a dataset and load one split, optionally limited.</summary>
internal static class DatasetLoader
{
    public static ImageDataset Load(string name, string split, DataOptions options, int? limit = null, int seed = 1)
    {
        var dataset = DatasetCatalog.Get(name);
        var location = DataLocator.FindOrDownload(dataset, options);
        return Limit(dataset.Load(location.Folder, split), limit, seed);
    }

    /// <summary>The split itself, or (disposing it) a seeded, class-balanced subset of <paramref name="limit"/> images.</summary>
    public static ImageDataset Limit(ImageDataset full, int? limit, int seed)
    {
        if (limit is not { } n) return full;
        using (full)
        {
            var indices = BalancedSubset.Indices(full.Labels, n, seed, $"{full.Split}Limit");
            return full.Take(indices);
        }
    }
}
