using LessData;
using LessData.Data;

namespace LessData.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public void Dispose() => _fx.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Idx_RawOrGzip_LoadsOneContiguousTensorWithTheRightPixels(bool gzip)
    {
        // Given a 12-image MNIST-style folder
        var folder = _fx.WriteIdxSet(_fx.Folder("mnist"), n: 12, m: 6, gzip: gzip);

        // When the train split is loaded
        using var data = DatasetCatalog.Get("mnist").Load(folder, "train");

        // Then shapes, labels and a probe pixel are exact
        data.Count.Should().Be(12);
        data.ImageTensor.shape.Should().Equal(12, 1, 28, 28);
        data.ImageTensor.is_contiguous().Should().BeTrue();
        data.Labels.Should().Equal(Enumerable.Range(0, 12).Select(i => i % 10));
        data.ImageTensor[5, 0, 3, 4].item<byte>().Should().Be(DataFixtures.Pixel(5, 3, 4));
    }

    [Fact]
    public void Idx_WrongMagic_ErrorNamesFileAndMagic()
    {
        var path = Path.Combine(_fx.Root, "images");
        File.WriteAllBytes(path, DataFixtures.IdxImages(2, magic: 0x801));

        var act = () => IdxReader.ReadImages(path);

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("wrong magic number");
    }

    [Fact]
    public void Idx_TruncatedImages_ErrorNamesFile()
    {
        var path = Path.Combine(_fx.Root, "images");
        File.WriteAllBytes(path, DataFixtures.IdxImages(3)[..1000]);

        var act = () => IdxReader.ReadImages(path);

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("truncated");
    }

    [Fact]
    public void Idx_TrailingGarbage_IsAnErrorNotIgnored()
    {
        var path = Path.Combine(_fx.Root, "images");
        File.WriteAllBytes(path, [.. DataFixtures.IdxImages(2), 1, 2, 3]);

        var act = () => IdxReader.ReadImages(path);

        act.Should().Throw<UserError>().Which.Message.Should().Contain("unexpected bytes");
    }

    [Fact]
    public void Idx_LabelOutOfRange_ErrorNamesFileAndItem()
    {
        var path = Path.Combine(_fx.Root, "labels");
        File.WriteAllBytes(path, DataFixtures.IdxLabels([1, 2, 12]));

        var act = () => IdxReader.ReadLabels(path, 10);

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("label 12 at item 2");
    }

    [Fact]
    public void Idx_ImageAndLabelCountsDiffer_ErrorNamesBothFiles()
    {
        var folder = _fx.WriteIdxSet(_fx.Folder("mnist"), n: 12);
        File.WriteAllBytes(Path.Combine(folder, "train-labels-idx1-ubyte"), DataFixtures.IdxLabels([1, 2, 3]));

        var act = () => DatasetCatalog.Get("mnist").Load(folder, "train");

        act.Should().Throw<UserError>().Which.Message.Should().Contain("12 images").And.Contain("3 labels").And.Contain("train-labels-idx1-ubyte");
    }

    [Fact]
    public void Idx_BadGzipStream_ErrorNamesFile()
    {
        var path = Path.Combine(_fx.Root, "images.gz");
        var gz = DataFixtures.Gzip(DataFixtures.IdxImages(2));
        gz[20] ^= 0xff; gz[21] ^= 0xff; gz[22] ^= 0xff;
        File.WriteAllBytes(path, gz);

        var act = () => IdxReader.ReadImages(path);

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Match(m => m.Contains("gzip") || m.Contains("truncated") || m.Contains("magic"));
    }

    [Fact]
    public void Idx_TruncatedGzip_ErrorNamesFile()
    {
        var path = Path.Combine(_fx.Root, "images.gz");
        var gz = DataFixtures.Gzip(DataFixtures.IdxImages(20));
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);

        var act = () => IdxReader.ReadImages(path);

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path);
    }

    [Fact]
    public void Idx_MissingFile_ErrorNamesFile()
    {
        var folder = _fx.WriteIdxSet(_fx.Folder("mnist"));
        File.Delete(Path.Combine(folder, "t10k-images-idx3-ubyte"));

        var act = () => DatasetCatalog.Get("mnist").Load(folder, "test");

        act.Should().Throw<UserError>().Which.Message.Should().Contain("t10k-images-idx3-ubyte").And.Contain("not found");
    }
}
