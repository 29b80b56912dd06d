namespace LessData.Data;

/// <summary>Finds a data file by its name, raw or with .gz.</summary>
internal static class DataFolder
{
    public static string? Find(string folder, string fileName)
    {
        foreach (var candidate in new[] { fileName, fileName + ".gz" })
        {
            var path = Path.Combine(folder, candidate);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    public static string Require(string folder, string fileName) =>
        Find(folder, fileName) ?? throw new UserError($"{Path.Combine(folder, fileName)}: file not found (also looked for .gz); see 'lessdata datasets'");

    public static void CheckSplit(string split)
    {
        if (split is not ("train" or "test")) throw new ArgumentException($"split must be train or test (got {split})");
    }
}
