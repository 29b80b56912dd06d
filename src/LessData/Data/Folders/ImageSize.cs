using System.Globalization;
using System.Text.Json.Serialization;

namespace LessData.Data.Folders;

/// <summary>An image size from <c>--image-size S</c> (square) or <c>HxW</c>; prints back to its canonical form.</summary>
[JsonConverter(typeof(SpecJsonConverter<ImageSize>))]
public readonly record struct ImageSize(int Height, int Width) : ISpec<ImageSize>
{
    internal const int Largest = 4096;

    /// <summary>How errors name this setting (the CLI maps it to its flag).</summary>
    public const string Setting = "imageSize";

    /// <summary>The size <paramref name="text"/> names, or null for empty text (the size all images share).</summary>
    public static ImageSize? ParseOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Parse(text);

    /// <summary>The size "S" (square) or "HxW" names; a user error for anything else or a side above 4096.</summary>
    public static ImageSize Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('x');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v is >= 1 and <= Largest))
        {
            int h = int.Parse(parts[0], CultureInfo.InvariantCulture);
            int w = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : h;
            return new ImageSize(h, w);
        }
        throw new UserError($"must be S or HxW with whole numbers 1..{Largest}, e.g. 32 or 28x28 (got '{text}')", parameter: Setting);
    }

    /// <summary>The canonical text: "S" when square, else "HxW".</summary>
    public override string ToString() => Height == Width
        ? Height.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Height}x{Width}");
}
