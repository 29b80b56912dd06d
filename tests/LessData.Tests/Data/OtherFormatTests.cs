using LessData;
using LessData.Data;

namespace LessData.Tests.Data;

public sealed class OtherFormatTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public void Dispose() => _fx.Dispose();

    private string CifarFolder(int perBatch = 3)
    {
        var folder = _fx.Folder("cifar10");
        for (int b = 1; b <= 5; b++) File.WriteAllBytes(Path.Combine(folder, $"data_batch_{b}.bin"), DataFixtures.CifarBatch(perBatch, b));
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), DataFixtures.CifarBatch(2));
        return folder;
    }

    [Fact]
    public void Cifar_FiveBatches_LoadAsPlanarRgbWithLabels()
    {
        var folder = CifarFolder();

        using var train = DatasetCatalog.Get("cifar10").Load(folder, "train");

        train.Count.Should().Be(15);
        train.ImageTensor.shape.Should().Equal(15, 3, 32, 32);
        train.Labels.Take(3).Should().Equal(1, 2, 3);
        // record 1 of batch 1: byte k of the 3072 is (1*13 + k) % 256; channel G starts at k = 1024
        train.ImageTensor[1, 1, 0, 5].item<byte>().Should().Be((byte)((13 + 1024 + 5) % 256));
    }

    [Fact]
    public void Cifar_TruncatedBatch_ErrorNamesFile()
    {
        var folder = CifarFolder();
        var path = Path.Combine(folder, "test_batch.bin");
        File.WriteAllBytes(path, DataFixtures.CifarBatch(2)[..5000]);

        var act = () => DatasetCatalog.Get("cifar10").Load(folder, "test");

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("not a whole number");
    }

    [Fact]
    public void Cifar_LabelOutOfRange_ErrorNamesFile()
    {
        var folder = CifarFolder();
        var path = Path.Combine(folder, "test_batch.bin");
        var bytes = DataFixtures.CifarBatch(2);
        bytes[3073] = 11;
        File.WriteAllBytes(path, bytes);

        var act = () => DatasetCatalog.Get("cifar10").Load(folder, "test");

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("label 11");
    }

    private string NorbFolder(bool gzip)
    {
        var folder = _fx.Folder("smallnorb");
        void Write(string name, byte[] data) => File.WriteAllBytes(Path.Combine(folder, gzip ? name + ".gz" : name), gzip ? DataFixtures.Gzip(data) : data);
        Write("smallnorb-5x46789x9x18x6x2x96x96-training-dat.mat", DataFixtures.NorbImages(4));
        Write("smallnorb-5x46789x9x18x6x2x96x96-training-cat.mat", DataFixtures.NorbLabels([0, 1, 2, 4]));
        Write("smallnorb-5x01235x9x18x6x2x96x96-testing-dat.mat", DataFixtures.NorbImages(2));
        Write("smallnorb-5x01235x9x18x6x2x96x96-testing-cat.mat", DataFixtures.NorbLabels([3, 3]));
        return folder;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SmallNorb_KeepsTheFirstImageOfEachStereoPair(bool gzip)
    {
        var folder = NorbFolder(gzip);

        using var train = DatasetCatalog.Get("smallnorb").Load(folder, "train");

        train.ImageTensor.shape.Should().Equal(4, 1, 8, 8);
        train.Labels.Should().Equal(0, 1, 2, 4);
        train.ImageTensor[2, 0, 0, 3].item<byte>().Should().Be((byte)((2 * 10 + 3) % 200));
        train.ImageTensor.max().item<byte>().Should().BeLessThan(255, "the second image of each pair (all 255) is dropped");
    }

    [Fact]
    public void SmallNorb_WrongMagic_ErrorNamesFile()
    {
        var folder = NorbFolder(false);
        var path = Path.Combine(folder, "smallnorb-5x46789x9x18x6x2x96x96-training-cat.mat");
        File.WriteAllBytes(path, DataFixtures.NorbImages(4));

        var act = () => DatasetCatalog.Get("smallnorb").Load(folder, "train");

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("wrong magic number");
    }

    [Fact]
    public void SmallNorb_Truncated_ErrorNamesFile()
    {
        var folder = NorbFolder(false);
        var path = Path.Combine(folder, "smallnorb-5x46789x9x18x6x2x96x96-training-dat.mat");
        File.WriteAllBytes(path, DataFixtures.NorbImages(4)[..300]);

        var act = () => DatasetCatalog.Get("smallnorb").Load(folder, "train");

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("truncated");
    }

    [Fact]
    public void SmallNorb_LabelOutOfRange_ErrorNamesFile()
    {
        var folder = NorbFolder(false);
        var path = Path.Combine(folder, "smallnorb-5x01235x9x18x6x2x96x96-testing-cat.mat");
        File.WriteAllBytes(path, DataFixtures.NorbLabels([3, 7]));

        var act = () => DatasetCatalog.Get("smallnorb").Load(folder, "test");

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("label 7");
    }
}
