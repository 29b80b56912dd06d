using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LessData.Data.Folders;

/// <summary>
/// Decodes one image file with SixLabors.ImageSharp (PNG, JPEG baseline and progressive, BMP, GIF — first frame —,
/// WebP, TGA, TIFF), resizes it to the target size with a bilinear filter (ImageSharp's Triangle resampler, area-aware
/// when shrinking) and writes it as RGB planes [3, H, W]. A file that is not an image, or a corrupt or truncated one,
/// comes back as a reason instead of an exception.
/// </summary>
internal static class ImageFileReader
{
    public const string Filter = "bilinear (ImageSharp Triangle)";

    /// <summary>The file's size from its header, or the reason it cannot be read as an image.</summary>
    public static (ImageSize? Size, string? Problem) Identify(string path)
    {
        try
        {
            var info = Image.Identify(path);
            return info is null ? (null, "not an image") : (new ImageSize(info.Height, info.Width), null);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidDataException or IOException or ArgumentException)
        {
            return (null, Describe(e));
        }
    }

    /// <summary>Decodes into <paramref name="planes"/> (3·H·W bytes); returns whether the image is grey (R = G = B), or a problem.</summary>
    public static (bool Grey, string? Problem) Decode(string path, ImageSize size, Span<byte> planes)
    {
        Image<Rgb24> image;
        try
        {
            image = Image.Load<Rgb24>(path);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidDataException or IOException or ArgumentException)
        {
            return (false, Describe(e));
        }
        using (image)
        {
            if (image.Height != size.Height || image.Width != size.Width)
                image.Mutate(x => x.Resize(new ResizeOptions
                {
                    Size = new Size(size.Width, size.Height), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Triangle,
                }));
            var pixels = new Rgb24[size.Height * size.Width];
            image.CopyPixelDataTo(pixels);
            int plane = pixels.Length;
            bool grey = true;
            for (int i = 0; i < plane; i++)
            {
                var p = pixels[i];
                planes[i] = p.R;
                planes[plane + i] = p.G;
                planes[2 * plane + i] = p.B;
                grey &= p.R == p.G && p.G == p.B;
            }
            return (grey, null);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        UnknownImageFormatException => "not an image (no decoder recognises it)",
        InvalidImageContentException => "corrupt or truncated image (" + OneLine(e.Message) + ")",
        _ => "cannot be decoded (" + OneLine(e.Message) + ")",
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
