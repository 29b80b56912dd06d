namespace LessData.Data;

/// <summary>smallNORB: 5 classes, 96×96 grey stereo pairs (the first image of each pair is used).</summary>
internal sealed class SmallNorbDataset : IDatasetFormat
{
    private const string Train = "smallnorb-5x46789x9x18x6x2x96x96-training";
    private const string Test = "smallnorb-5x01235x9x18x6x2x96x96-testing";
    private const string BaseUrl = "https://cs.nyu.edu/~ylclab/data/norb-v1.0-small/";

    public string Name => "smallnorb";
    public int ClassCount => 5;
    public int TrainSize => 24_300;

    /// <summary>No SHA-256 is published for these files (the site lists none); verification reports "no published checksum".</summary>
    public IReadOnlyList<RemoteFile> Downloads { get; } =
        [.. new[] { Train, Test }.SelectMany(p => new[] { $"{p}-dat.mat.gz", $"{p}-cat.mat.gz" }).Select(f => new RemoteFile(f, BaseUrl + f, null))];

    public IReadOnlyList<(string Expected, string? Found)> Files(string folder) =>
        [.. new[] { Train, Test }.SelectMany(p => new[] { $"{p}-dat.mat", $"{p}-cat.mat" }).Select(f => (f, DataFolder.Find(folder, f)))];

    public ImageDataset Load(string folder, string split)
    {
        DataFolder.CheckSplit(split);
        var prefix = split == "train" ? Train : Test;
        var datPath = DataFolder.Require(folder, $"{prefix}-dat.mat");
        var catPath = DataFolder.Require(folder, $"{prefix}-cat.mat");
        var (pixels, count, h, w) = SmallNorbReader.ReadFirstOfPairs(datPath);
        var labels = SmallNorbReader.ReadLabels(catPath, ClassCount);
        if (labels.Length != count)
            throw new UserError($"{datPath} holds {count} images but {catPath} holds {labels.Length} labels; the files do not belong together");
        return new ImageDataset(Name, split, pixels, labels, 1, h, w, ClassCount);
    }

    public void Install(string folder) { }
}
