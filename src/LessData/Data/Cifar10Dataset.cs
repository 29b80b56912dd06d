using System.Formats.Tar;
using System.IO.Compression;

namespace LessData.Data;

/// <summary>CIFAR-10, binary version: data_batch_1..5.bin (train) and test_batch.bin (test), 3×32×32, 10 classes.</summary>
internal sealed class Cifar10Dataset : IDatasetFormat
{
    public const string Archive = "cifar-10-binary.tar.gz";
    private static readonly string[] s_train = [.. Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin")];

    public string Name => "cifar10";
    public int ClassCount => 10;
    public int TrainSize => 50_000;

    public IReadOnlyList<RemoteFile> Downloads { get; } =
        [new(Archive, "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd")];

    public IReadOnlyList<(string Expected, string? Found)> Files(string folder) =>
        [.. s_train.Append("test_batch.bin").Select(f => (f, Locate(folder, f)))];

    public ImageDataset Load(string folder, string split)
    {
        DataFolder.CheckSplit(split);
        var names = split == "train" ? s_train : ["test_batch.bin"];
        var paths = names.Select(n => Locate(folder, n) ?? throw new UserError($"{Path.Combine(folder, n)}: file not found; see 'lessdata datasets'")).ToList();
        var (pixels, labels) = Cifar10Reader.Read(paths);
        return new ImageDataset(Name, split, pixels, labels, 3, 32, 32, ClassCount);
    }

    /// <summary>The official archive unpacks into cifar-10-batches-bin/; accept the files there or directly in the folder.</summary>
    private static string? Locate(string folder, string name) =>
        DataFolder.Find(folder, name) ?? DataFolder.Find(Path.Combine(folder, "cifar-10-batches-bin"), name);

    public void Install(string folder)
    {
        var archive = Path.Combine(folder, Archive);
        if (!File.Exists(archive)) return;
        try
        {
            using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
            TarFile.ExtractToDirectory(gzip, folder, overwriteFiles: true);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new UserError($"{archive}: cannot unpack ({e.Message}); delete it and download again");
        }
    }
}
