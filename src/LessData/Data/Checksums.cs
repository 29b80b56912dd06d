using System.Security.Cryptography;

namespace LessData.Data;

/// <summary>SHA-256 of a file, lower-case hex.</summary>
internal static class Checksums
{
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
