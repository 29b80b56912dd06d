using LessData.Data;
using LessData.Data.Folders;

namespace LessData.Tests.Data.Folders;

public sealed class FolderDatasetTests : IDisposable
{
    private readonly FolderFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private FolderData Load(string root, double? testSplit = null, ImageSize? size = null, int? channels = null, bool strict = false, int seed = 1) =>
        FolderDataset.Load(FolderSpec.Parse("folder:" + root), new FolderSettings(testSplit, size, channels, strict, seed), _fx.Cache);

    [Fact]
    public void SplitFolders_LabelsAreSortedClassNames_AndPixelsAreTheFiles()
    {
        // Given train/ and test/ with classes a and b (grey PNGs)
        var root = _fx.SplitFolders(train: 3, test: 2);

        // When loaded
        var data = Load(root);
        using var train = data.Train;
        using var test = data.Test;

        // Then classes are a, b; grey images give one channel; bytes are the files' pixels
        train.ClassNames.Should().Equal("a", "b");
        train.Labels.Should().Equal(0, 0, 0, 1, 1, 1);
        test.Count.Should().Be(4);
        (train.Channels, train.Height, train.Width).Should().Be((1, 8, 8));
        train.ImageTensor[3, 0, 2, 5].item<byte>().Should().Be(FolderFixture.Grey(1, 0, 2, 5));
        data.Summary.Layout.Should().Be(FolderLayout.SplitFolders);
        data.Summary.CacheHit.Should().BeFalse();
    }

    [Fact]
    public void ClassFolders_TestSplitIsStratifiedAndSeeded()
    {
        // Given two class folders of 10 images each
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < 10; i++) _fx.Png($"flat/{(char)('a' + c)}/{i}.png", c, i);
        var root = Path.Combine(_fx.Root, "flat");

        // When split 0.2 twice with one seed and once with another
        var first = Load(root, testSplit: 0.2, seed: 1);
        var again = Load(root, testSplit: 0.2, seed: 1);
        var other = Load(root, testSplit: 0.2, seed: 2);

        // Then each class sends 2 images to test, the same ones for the same seed
        first.Test.Labels.Should().Equal(0, 0, 1, 1);
        first.Train.Count.Should().Be(16);
        first.Test.ImageTensor.eq(again.Test.ImageTensor).all().item<bool>().Should().BeTrue();
        again.Summary.CacheHit.Should().BeTrue();
        other.Test.ImageTensor.eq(first.Test.ImageTensor).all().item<bool>().Should().BeFalse("another seed draws another split");
        foreach (var d in new[] { first, again, other }) { d.Train.Dispose(); d.Test.Dispose(); }
    }

    [Fact]
    public void ColourJpegAndGreyBmp_GiveThreeChannels_AndChannelsOneConvertsByLuma()
    {
        // Given a colour JPEG in one class and grey BMPs and a GIF in the other
        var root = _fx.SplitFolders(train: 0, test: 0);
        _fx.ColourJpeg("split/train/a/red.jpg", 200, 0, 0);
        _fx.Bmp("split/train/b/0.bmp", 1, 0);
        _fx.Gif("split/train/b/1.gif");
        _fx.ColourJpeg("split/test/a/t.jpg", 0, 0, 200);
        _fx.Bmp("split/test/b/t.bmp", 1, 1);

        // When loaded with the default channels and with --channels 1
        var colour = Load(root);
        var grey = Load(root, channels: 1);

        // Then colour is kept (R high, G and B low), and grey is 0.299 R + 0.587 G + 0.114 B
        colour.Train.Channels.Should().Be(3);
        colour.Train.ImageTensor[0, 0, 4, 4].item<byte>().Should().BeInRange(190, 210);
        colour.Train.ImageTensor[0, 1, 4, 4].item<byte>().Should().BeLessThan(20);
        colour.Train.ImageTensor[2, 0, 0, 0].item<byte>().Should().Be(255, "the GIF's first frame is white");
        grey.Train.Channels.Should().Be(1);
        int r = colour.Train.ImageTensor[0, 0, 4, 4].item<byte>(), g = colour.Train.ImageTensor[0, 1, 4, 4].item<byte>(), b = colour.Train.ImageTensor[0, 2, 4, 4].item<byte>();
        grey.Train.ImageTensor[0, 0, 4, 4].item<byte>().Should().Be((byte)((299 * r + 587 * g + 114 * b + 500) / 1000));
        foreach (var d in new[] { colour, grey }) { d.Train.Dispose(); d.Test.Dispose(); }
    }

    [Fact]
    public void MixedSizes_WithoutImageSize_NameBothFiles_WithImageSize_Resize()
    {
        var root = _fx.SplitFolders(size: 8);
        var big = _fx.Png("split/train/b/big.png", 1, 9, 12, 16);

        var act = () => Load(root);

        act.Should().Throw<UserError>().WithMessage("*differ in size*").Which.Should().Match<UserError>(e => e.Message.Contains(big) && e.Parameter == ImageSize.Setting);
        var resized = Load(root, size: new ImageSize(6, 10));
        (resized.Train.Height, resized.Train.Width).Should().Be((6, 10));
        resized.Summary.ImageSize.Should().Be("6x10");
        resized.Train.Dispose(); resized.Test.Dispose();
    }

    [Fact]
    public void CorruptJpegAndTextFile_AreSkippedAndCounted_OrWithStrictAreAnErrorNamingTheFile()
    {
        var root = _fx.SplitFolders();
        var corrupt = _fx.CorruptJpeg("split/train/a/broken.jpg");
        _fx.Text("split/train/b/notes.txt");

        var lenient = Load(root, size: new ImageSize(8, 8));
        var strict = () => Load(root, size: new ImageSize(8, 8), strict: true);

        lenient.Summary.SkippedFiles.Should().Be(2);
        lenient.Train.Count.Should().Be(6);
        lenient.Summary.FirstSkipped.Should().Contain(s => s.StartsWith(corrupt));
        strict.Should().Throw<UserError>().Which.Should().Match<UserError>(e => e.Message.StartsWith(corrupt) && e.Parameter == FolderSettings.StrictSetting);
        lenient.Train.Dispose(); lenient.Test.Dispose();
    }

    [Fact]
    public void CacheHit_OnSecondLoad_AndTouchingAFileRebuilds()
    {
        var root = _fx.SplitFolders();
        Load(root).Summary.CacheHit.Should().BeFalse();
        Load(root).Summary.CacheHit.Should().BeTrue();

        File.SetLastWriteTimeUtc(Path.Combine(root, "train", "a", "0.png"), DateTime.UtcNow.AddMinutes(1));

        Load(root).Summary.CacheHit.Should().BeFalse("a touched file changes the key");
        Load(root, size: new ImageSize(4, 4)).Summary.CacheHit.Should().BeFalse("a new setting changes the key");
    }

    [Fact]
    public void EmptyClassFolder_IsAnErrorNamingIt()
    {
        var root = _fx.SplitFolders();
        var empty = Path.Combine(root, "train", "c");
        Directory.CreateDirectory(empty);
        Directory.CreateDirectory(Path.Combine(root, "test", "c"));

        var act = () => Load(root);

        act.Should().Throw<UserError>().WithMessage($"{empty}: class folder is empty");
    }

    [Fact]
    public void SingleClass_IsAnError()
    {
        _fx.Png("one/only/0.png", 0, 0);
        _fx.Png("one/only/1.png", 0, 1);

        var act = () => Load(Path.Combine(_fx.Root, "one"), testSplit: 0.5);

        act.Should().Throw<UserError>().WithMessage("*only one class folder ('only')*");
    }

    [Fact]
    public void ClassMissingFromTestSplit_IsAnErrorNamingIt()
    {
        var root = _fx.SplitFolders();
        Directory.Delete(Path.Combine(root, "test", "b"), recursive: true);

        var act = () => Load(root);

        act.Should().Throw<UserError>().WithMessage("*class 'b' is missing from the test split*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    public void TestSplitOutsideZeroOne_IsAnError(double split)
    {
        var act = () => new FolderSettings(split, null, null, false, 1).Validated();

        act.Should().Throw<UserError>().WithMessage("must be in (0, 1)*").Which.Parameter.Should().Be(FolderSettings.TestSplitSetting);
    }

    [Fact]
    public void ClassFoldersWithoutTestSplit_AskForIt()
    {
        _fx.Png("flat2/a/0.png", 0, 0);
        _fx.Png("flat2/b/0.png", 1, 0);

        var act = () => Load(Path.Combine(_fx.Root, "flat2"));

        act.Should().Throw<UserError>().Which.Parameter.Should().Be(FolderSettings.TestSplitSetting);
    }

    [Theory]
    [InlineData("32", 32, 32, "32")]
    [InlineData("28x32", 28, 32, "28x32")]
    [InlineData(" 16X16 ", 16, 16, "16")]
    public void ImageSize_ParsesAndPrintsCanonically(string text, int h, int w, string canonical)
    {
        var size = ImageSize.Parse(text);

        size.Should().Be(new ImageSize(h, w));
        size.ToString().Should().Be(canonical);
        ImageSize.Parse(size.ToString()).Should().Be(size);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("big")]
    [InlineData("3x")]
    public void ImageSize_Rejects(string text)
    {
        var act = () => ImageSize.Parse(text);

        act.Should().Throw<UserError>().WithMessage("must be S or HxW*").Which.Parameter.Should().Be(ImageSize.Setting);
    }
}
