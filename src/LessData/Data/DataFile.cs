using System.IO.Compression;

namespace LessData.Data;

/// <summary>Reads a whole data file, raw or gzip (detected by its magic bytes 1f 8b), with one clear error per failure.</summary>
internal static class DataFile
{
    public static byte[] ReadAll(string path)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: file not found");
        byte[] raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b) return raw;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new UserError($"{path}: bad gzip stream ({e.Message}); delete the file and fetch it again");
        }
        catch (EndOfStreamException)
        {
            throw new UserError($"{path}: the gzip stream ends early (truncated download?); delete the file and fetch it again");
        }
    }
}
