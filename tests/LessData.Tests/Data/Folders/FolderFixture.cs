using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace LessData.Tests.Data.Folders;

/// <summary>Writes real image files (PNG, JPEG, BMP, GIF) and broken ones with ImageSharp into a temp folder.</summary>
internal sealed class FolderFixture : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("lessdata-folder-").FullName;
    public string Cache => Path.Combine(Root, ".cache");

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>Grey value of image i of class c at (y, x): distinct per image and class.</summary>
    public static byte Grey(int c, int i, int y, int x) => (byte)((c * 60 + i * 13 + y * 5 + x * 3) % 256);

    public string Png(string relative, int c, int i, int h = 8, int w = 8)
    {
        using var image = new Image<L8>(w, h);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) image[x, y] = new L8(Grey(c, i, y, x));
        return Save(relative, path => image.SaveAsPng(path));
    }

    public string ColourJpeg(string relative, byte r, byte g, byte b, int h = 8, int w = 8, bool progressive = false)
    {
        using var image = new Image<Rgb24>(w, h, new Rgb24(r, g, b));
        return Save(relative, path => image.SaveAsJpeg(path, new JpegEncoder { Quality = 100 }));
    }

    public string Bmp(string relative, int c, int i, int h = 8, int w = 8)
    {
        using var image = new Image<Rgb24>(w, h);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) { byte v = Grey(c, i, y, x); image[x, y] = new Rgb24(v, v, v); }
        return Save(relative, path => image.SaveAsBmp(path));
    }

    public string Gif(string relative, int h = 8, int w = 8)
    {
        using var image = new Image<Rgb24>(w, h, new Rgb24(255, 255, 255));
        return Save(relative, path => image.SaveAsGif(path));
    }

    /// <summary>A JPEG cut to its first 40 bytes: the header says JPEG, the data is gone.</summary>
    public string CorruptJpeg(string relative)
    {
        var path = ColourJpeg(relative, 10, 200, 30);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
        return path;
    }

    public string Text(string relative, string content = "not an image")
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>PATH/{train,test}/{a,b}/ with grey PNGs: <paramref name="train"/> and <paramref name="test"/> per class.</summary>
    public string SplitFolders(string name = "split", int train = 3, int test = 2, int size = 8)
    {
        foreach (var (split, n) in new[] { ("train", train), ("test", test) })
            for (int c = 0; c < 2; c++)
                for (int i = 0; i < n; i++)
                    Png($"{name}/{split}/{(c == 0 ? "a" : "b")}/{i}.png", c, i + (split == "test" ? 100 : 0), size, size);
        return Path.Combine(Root, name);
    }

    private string Save(string relative, Action<string> write)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        write(path);
        return path;
    }
}
