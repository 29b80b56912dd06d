using LessData;
using LessData.Data;

namespace LessData.Tests.Data;

public sealed class DataLocatorTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public void Dispose() => _fx.Dispose();

    private DataOptions Options(string? dataDir = null, string? env = null, bool download = false) => new()
    {
        DataDir = dataDir,
        EnvDataDir = env,
        CacheRoot = Path.Combine(_fx.Root, "cache"),
        SystemRoots = [Path.Combine(_fx.Root, "system")],
        AllowDownload = download,
    };

    [Fact]
    public void Find_FollowsTheDocumentedOrder()
    {
        // Given MNIST in every location
        var mnist = DatasetCatalog.Get("mnist");
        foreach (var root in new[] { "dir", "env", "cache", "system" })
            _fx.WriteIdxSet(Path.Combine(_fx.Root, root, "mnist"));

        // Then each location wins over the ones after it
        DataLocator.Find(mnist, Options(Path.Combine(_fx.Root, "dir"), Path.Combine(_fx.Root, "env")))!.Source.Should().Be(DataOptions.DataDirSetting);
        DataLocator.Find(mnist, Options(env: Path.Combine(_fx.Root, "env")))!.Source.Should().Be("LESSDATA_DATA");
        DataLocator.Find(mnist, Options())!.Source.Should().Be("cache");
        Directory.Delete(Path.Combine(_fx.Root, "cache"), true);
        DataLocator.Find(mnist, Options())!.Source.Should().Be("system");
    }

    [Fact]
    public void Find_FilesDirectlyInDataDir_AreAccepted()
    {
        var dir = _fx.WriteIdxSet(_fx.Folder("flat"));

        DataLocator.Find(DatasetCatalog.Get("fashion-mnist"), Options(dir))!.Folder.Should().Be(dir);
    }

    [Fact]
    public void Find_PartialFolder_IsAnErrorNamingTheMissingFile()
    {
        var folder = _fx.WriteIdxSet(Path.Combine(_fx.Root, "cache", "mnist"));
        File.Delete(Path.Combine(folder, "train-labels-idx1-ubyte"));

        var act = () => DataLocator.Find(DatasetCatalog.Get("mnist"), Options());

        act.Should().Throw<UserError>().Which.Message.Should().Contain("train-labels-idx1-ubyte").And.Contain(folder);
    }

    [Fact]
    public void Find_MissingDataDir_IsAnError()
    {
        var act = () => DataLocator.Find(DatasetCatalog.Get("mnist"), Options(Path.Combine(_fx.Root, "nope")));

        var error = act.Should().Throw<UserError>().Which;
        error.Parameter.Should().Be(DataOptions.DataDirSetting);
        error.Message.Should().Contain("not found");
    }

    private (IdxDataset Dataset, string Mirror) LocalMirror(bool corrupt)
    {
        // A local "canonical source": gzip files plus their SHA-256, served from a folder (file:// URLs)
        var mirror = _fx.WriteIdxSet(_fx.Folder("mirror"), gzip: true);
        var sums = Directory.GetFiles(mirror).ToDictionary(f => Path.GetFileName(f), f => Checksums.Sha256(f));
        if (corrupt) sums["t10k-labels-idx1-ubyte.gz"] = new string('0', 64);
        return (new IdxDataset("mnist", new Uri(mirror + "/").AbsoluteUri, sums), mirror);
    }

    [Fact]
    public void Download_FromLocalSource_VerifiesAndLoads()
    {
        var (dataset, _) = LocalMirror(corrupt: false);

        var location = DataLocator.FindOrDownload(dataset, Options(download: true));

        location.Source.Should().Be("download");
        location.Folder.Should().Be(Path.Combine(_fx.Root, "cache", "mnist"));
        using var test = dataset.Load(location.Folder, "test");
        test.Count.Should().Be(6);
        DataLocator.Find(dataset, Options())!.Source.Should().Be("cache", "the next run finds the download in the cache");
    }

    [Fact]
    public void Download_ChecksumMismatch_FailsAndKeepsNothing()
    {
        var (dataset, _) = LocalMirror(corrupt: true);

        var act = () => DataLocator.FindOrDownload(dataset, Options(download: true));

        act.Should().Throw<UserError>().Which.Message.Should().Contain("checksum mismatch").And.Contain("t10k-labels-idx1-ubyte.gz");
        File.Exists(Path.Combine(_fx.Root, "cache", "mnist", "t10k-labels-idx1-ubyte.gz")).Should().BeFalse();
        File.Exists(Path.Combine(_fx.Root, "cache", "mnist", "t10k-labels-idx1-ubyte.gz.part")).Should().BeFalse();
    }

    [Fact]
    public void Download_ThroughMirrorOption_UsesTheMirrorBase()
    {
        var (_, mirror) = LocalMirror(corrupt: false);
        var realChecksumDataset = new IdxDataset("mnist", "https://unreachable.invalid/", new Dictionary<string, string>());

        var location = DataLocator.FindOrDownload(realChecksumDataset, Options(download: true) with { Mirror = mirror });

        File.Exists(Path.Combine(location.Folder, "train-images-idx3-ubyte.gz")).Should().BeTrue();
    }

    [Fact]
    public void Load_UnknownDataset_ListsTheKnownOnes()
    {
        var act = () => DatasetLoader.Load("imagenet", "train", Options());

        act.Should().Throw<UserError>().Which.Message.Should().Contain("mnist, fashion-mnist, cifar10, smallnorb");
    }
}
