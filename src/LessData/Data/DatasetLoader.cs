namespace LessData.Data;

/// <summary>The collect stage's entry point: find (or download) a dataset and load one split, optionally limited.</summary>
public static class DatasetLoader
{
    public static ImageDataset Load(string name, string split, DataOptions options, int? limit = null, int seed = 1)
    {
        var dataset = DatasetCatalog.Get(name);
        var location = DataLocator.FindOrDownload(dataset, options);
        var full = dataset.Load(location.Folder, split);
        if (limit is not { } n) return full;
        using (full)
        {
            var indices = BalancedSubset.Indices(full.Labels, n, seed, $"--{split}-limit");
            return full.Take(indices);
        }
    }
}
