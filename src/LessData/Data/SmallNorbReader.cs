using System.Buffers.Binary;

namespace LessData.Data;

/// <summary>
/// NORB binary-matrix files: little-endian int32 magic (0x1E3D4C55 = uint8, 0x1E3D4C54 = int32), int32 ndim, then
/// max(3, ndim) int32 dims, then the data. Raw or gzip.
/// </summary>
internal static class SmallNorbReader
{
    public const int ByteMatrix = 0x1E3D4C55;
    public const int IntMatrix = 0x1E3D4C54;

    /// <summary>Reads a dat file (N×2×96×96 uint8) and keeps the first image of each stereo pair.</summary>
    public static (byte[] Pixels, int Count, int Height, int Width) ReadFirstOfPairs(string path)
    {
        var bytes = DataFile.ReadAll(path);
        var (dims, offset) = Header(bytes, path, ByteMatrix, "uint8");
        if (dims.Length != 4 || dims[1] != 2)
            throw new UserError($"{path}: expected an N×2×H×W stereo image matrix, found dims [{string.Join("×", dims)}]");
        int n = dims[0], h = dims[2], w = dims[3];
        long plane = (long)h * w;
        Expect(bytes, offset + n * 2 * plane, path);
        var pixels = new byte[n * plane];
        for (int i = 0; i < n; i++)
            Buffer.BlockCopy(bytes, (int)(offset + i * 2 * plane), pixels, (int)(i * plane), (int)plane);
        return (pixels, n, h, w);
    }

    /// <summary>Reads a cat file: N int32 labels, each checked against the class count.</summary>
    public static int[] ReadLabels(string path, int classCount)
    {
        var bytes = DataFile.ReadAll(path);
        var (dims, offset) = Header(bytes, path, IntMatrix, "int32");
        int n = dims[0];
        Expect(bytes, offset + 4L * n, path);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4 * i));
            if (labels[i] < 0 || labels[i] >= classCount)
                throw new UserError($"{path}: label {labels[i]} at item {i} is out of range 0..{classCount - 1}");
        }
        return labels;
    }

    private static (int[] Dims, int Offset) Header(byte[] bytes, string path, int magic, string kind)
    {
        if (bytes.Length < 8) throw new UserError($"{path}: truncated file: {bytes.Length} bytes is shorter than a NORB header");
        int found = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (found != magic)
            throw new UserError($"{path}: wrong magic number 0x{found:X8} (expected 0x{magic:X8} for a {kind} NORB matrix); is this the right file?");
        int ndim = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        if (ndim is < 1 or > 8) throw new UserError($"{path}: implausible number of dimensions {ndim} in the NORB header");
        int stored = Math.Max(3, ndim);
        if (bytes.Length < 8 + 4 * stored) throw new UserError($"{path}: truncated file: the NORB header is cut short");
        var dims = new int[ndim];
        for (int d = 0; d < ndim; d++)
        {
            dims[d] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8 + 4 * d));
            if (dims[d] < 0) throw new UserError($"{path}: negative dimension {dims[d]} in the NORB header");
        }
        return (dims, 8 + 4 * stored);
    }

    private static void Expect(byte[] bytes, long expected, string path)
    {
        if (bytes.Length < expected)
            throw new UserError($"{path}: truncated file: the header announces {expected} bytes but only {bytes.Length} are present; delete it and fetch it again");
        if (bytes.Length > expected)
            throw new UserError($"{path}: {bytes.Length - expected} unexpected bytes after the data the header announces; the file is corrupt");
    }
}
