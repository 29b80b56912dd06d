namespace LessData.Data.Folders;

/// <summary>The <c>folder:PATH</c> dataset spec: a folder of images with one subfolder per class.</summary>
public sealed record FolderSpec(string Path)
{
    public const string Prefix = "folder:";

    public static bool IsFolder(string? dataset) =>
        dataset is not null && dataset.Trim().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public static FolderSpec Parse(string dataset)
    {
        if (!IsFolder(dataset)) throw new UserError($"'{dataset}' is not a folder dataset; use folder:PATH");
        var path = dataset.Trim()[Prefix.Length..];
        if (path.Length == 0) throw new UserError("--dataset folder: needs a path, e.g. folder:~/images");
        if (path.StartsWith("~/", StringComparison.Ordinal))
            path = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        path = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(path)) throw new UserError($"--dataset folder:{path}: folder not found");
        return new FolderSpec(path);
    }

    public override string ToString() => Prefix + Path;
}
