using System.Buffers.Binary;

namespace LessData.Data;

/// <summary>
/// The IDX format of MNIST and Fashion-MNIST: a big-endian header (magic 0x00000803 for uint8 images with 3 dims,
/// 0x00000801 for uint8 labels with 1 dim), the dims, then the data. Raw or gzip.
/// </summary>
internal static class IdxReader
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    public static (byte[] Pixels, int Count, int Height, int Width) ReadImages(string path)
    {
        var bytes = DataFile.ReadAll(path);
        var dims = Header(bytes, path, ImagesMagic, "images");
        long expected = 16L + (long)dims[0] * dims[1] * dims[2];
        Expect(bytes, expected, path);
        return (bytes[16..(int)expected], dims[0], dims[1], dims[2]);
    }

    public static int[] ReadLabels(string path, int classCount)
    {
        var bytes = DataFile.ReadAll(path);
        var dims = Header(bytes, path, LabelsMagic, "labels");
        Expect(bytes, 8L + dims[0], path);
        var labels = new int[dims[0]];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = bytes[8 + i];
            if (labels[i] >= classCount)
                throw new UserError($"{path}: label {labels[i]} at item {i} is out of range 0..{classCount - 1}; the file is not a {classCount}-class label file");
        }
        return labels;
    }

    private static int[] Header(byte[] bytes, string path, int magic, string what)
    {
        int ndim = magic & 0xff;
        if (bytes.Length < 4 + 4 * ndim) throw new UserError($"{path}: truncated file: {bytes.Length} bytes is shorter than an IDX {what} header");
        int found = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (found != magic)
            throw new UserError($"{path}: wrong magic number 0x{found:X8} (expected 0x{magic:X8} for IDX {what}); is this the right file?");
        var dims = new int[ndim];
        for (int d = 0; d < ndim; d++)
        {
            dims[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (dims[d] < 0) throw new UserError($"{path}: negative dimension {dims[d]} in the IDX header");
        }
        return dims;
    }

    private static void Expect(byte[] bytes, long expected, string path)
    {
        if (bytes.Length < expected)
            throw new UserError($"{path}: truncated file: the header announces {expected} bytes but only {bytes.Length} are present; delete it and fetch it again");
        if (bytes.Length > expected)
            throw new UserError($"{path}: {bytes.Length - expected} unexpected bytes after the data the header announces; the file is corrupt");
    }
}
