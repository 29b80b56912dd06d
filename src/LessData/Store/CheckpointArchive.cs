using System.IO.Compression;

namespace LessData.Store;

/// <summary>A checkpoint folder as one byte array (a zip, stored uncompressed: weights do not compress), for the store's checkpoints table.</summary>
internal static class CheckpointArchive
{
    public static byte[] Pack(string folder)
    {
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, buffer, CompressionLevel.NoCompression, includeBaseDirectory: false);
        return buffer.ToArray();
    }

    public static void Extract(byte[] archive, string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        using var buffer = new MemoryStream(archive);
        ZipFile.ExtractToDirectory(buffer, folder);
    }
}
