namespace LessData.Data;

/// <summary>The <c>folder:PATH</c> dataset spec: a folder of images with one subfolder per class.</summary>
internal sealed record FolderSpec(string Path)
{
    public const string Prefix = "folder:";

    public static bool IsFolder(string? dataset) =>
        dataset is not null && dataset.Trim().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder <paramref name="dataset"/> names, as a full path (~/ is the home folder); it need not exist yet.</summary>
    public static FolderSpec Parse(string dataset)
    {
        if (!IsFolder(dataset)) throw new UserError($"'{dataset}' is not a folder dataset; use folder:PATH", parameter: DatasetCatalog.Setting);
        var path = dataset.Trim()[Prefix.Length..];
        if (path.Length == 0) throw new UserError("folder: needs a path, e.g. folder:~/images", parameter: DatasetCatalog.Setting);
        if (path.StartsWith("~/", StringComparison.Ordinal))
            path = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        return new FolderSpec(System.IO.Path.GetFullPath(path));
    }

    /// <summary>This spec, after checking that the folder exists.</summary>
    public FolderSpec Existing() =>
        Directory.Exists(Path) ? this : throw new UserError($"{this}: folder not found", parameter: DatasetCatalog.Setting);

    public override string ToString() => Prefix + Path;
}
