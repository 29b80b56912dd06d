using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LessData.Data.Folders;

/// <summary>
/// The decoded splits of a folder dataset in the user cache (<c>~/.cache/lessdata/folders/&lt;key&gt;.&lt;split&gt;.bin</c>):
/// one uint8 tensor [N, C, H, W] per split plus its labels. The key is a SHA-256 of every file's path, label, size and
/// modification time and of the decode settings, so any change of a file or a setting gives a new key (a rebuild).
/// </summary>
internal static class FolderCache
{
    private const int Version = 1;
    private static readonly byte[] s_magic = "LDFOLDER"u8.ToArray();

    public static string Key(FolderLayout layout, FolderSettings settings)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"v{Version}|{ImageFileReader.Filter}|{layout.Kind}|size={settings.Size?.ToString() ?? "auto"}|");
        sb.Append(CultureInfo.InvariantCulture, $"classes={string.Join('/', layout.Classes)}|");
        foreach (var (split, files) in new[] { ("train", layout.Train), ("test", layout.Test) })
            foreach (var f in files)
            {
                var info = new FileInfo(f.Path);
                sb.Append(CultureInfo.InvariantCulture, $"{split}:{f.Label}:{f.Path}:{info.Length}:{info.LastWriteTimeUtc.Ticks}\n");
            }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
    }

    public static string PathFor(string cacheRoot, string key, string split) => Path.Combine(cacheRoot, "folders", $"{key}.{split}.bin");

    public static void Write(string path, DecodedSplit split)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        using (var stream = File.Create(temp))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(s_magic);
            foreach (int v in new[] { Version, split.Labels.Length, split.Channels, split.Size.Height, split.Size.Width, split.Skipped.Count })
                writer.Write(v);
            foreach (var s in split.Skipped) writer.Write(s);
            foreach (int label in split.Labels) writer.Write(label);
            writer.Write(split.Pixels);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The cached split, or null when it is absent or unreadable (then it is rebuilt).</summary>
    public static DecodedSplit? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            if (!reader.ReadBytes(s_magic.Length).AsSpan().SequenceEqual(s_magic) || reader.ReadInt32() != Version) return null;
            int n = reader.ReadInt32(), c = reader.ReadInt32(), h = reader.ReadInt32(), w = reader.ReadInt32(), skipped = reader.ReadInt32();
            var notes = new List<string>(skipped);
            for (int i = 0; i < skipped; i++) notes.Add(reader.ReadString());
            var labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = reader.ReadInt32();
            long bytes = (long)n * c * h * w;
            var pixels = reader.ReadBytes(checked((int)bytes));
            return pixels.LongLength == bytes ? new DecodedSplit(pixels, labels, c, new ImageSize(h, w), notes) : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or OverflowException)
        {
            return null;
        }
    }
}
