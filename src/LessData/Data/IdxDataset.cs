namespace LessData.Data;

/// <summary>MNIST and Fashion-MNIST: four IDX files (raw or .gz), 28×28 grey images, 10 classes.</summary>
internal sealed class IdxDataset(string name, string baseUrl, IReadOnlyDictionary<string, string> sha256) : IDatasetFormat
{
    private static readonly string[] s_files = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    public string Name => name;
    public int ClassCount => 10;
    public int TrainSize => 60_000;

    public IReadOnlyList<RemoteFile> Downloads =>
        [.. s_files.Select(f => new RemoteFile(f + ".gz", baseUrl + f + ".gz", sha256.GetValueOrDefault(f + ".gz")))];

    public IReadOnlyList<(string Expected, string? Found)> Files(string folder) =>
        [.. s_files.Select(f => (f, DataFolder.Find(folder, f)))];

    public ImageDataset Load(string folder, string split)
    {
        DataFolder.CheckSplit(split);
        var prefix = split == "train" ? "train" : "t10k";
        var imagesPath = DataFolder.Require(folder, $"{prefix}-images-idx3-ubyte");
        var labelsPath = DataFolder.Require(folder, $"{prefix}-labels-idx1-ubyte");
        var (pixels, count, height, width) = IdxReader.ReadImages(imagesPath);
        var labels = IdxReader.ReadLabels(labelsPath, ClassCount);
        if (labels.Length != count)
            throw new UserError($"{imagesPath} holds {count} images but {labelsPath} holds {labels.Length} labels; the files do not belong together");
        return new ImageDataset(name, split, pixels, labels, 1, height, width, ClassCount);
    }

    public void Install(string folder) { } // the .gz files are read as they are
}
