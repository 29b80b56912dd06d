using System.Buffers.Binary;
using System.IO.Compression;

namespace LessData.Tests.Data;

/// <summary>Writes tiny datasets in the real on-disk formats (and broken variants) into a temp folder.</summary>
internal sealed class DataFixtures : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("lessdata-data-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Pixel value of image i at (y, x): distinct per image so a misplaced byte shows.</summary>
    public static byte Pixel(int i, int y, int x) => (byte)((i * 31 + y * 7 + x) % 251);

    public static byte[] IdxImages(int n, int h = 28, int w = 28, int magic = 0x803)
    {
        var bytes = new byte[16 + n * h * w];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), n);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), h);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), w);
        for (int i = 0; i < n; i++)
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    bytes[16 + (i * h + y) * w + x] = Pixel(i, y, x);
        return bytes;
    }

    public static byte[] IdxLabels(int[] labels, int magic = 0x801)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        for (int i = 0; i < labels.Length; i++) bytes[8 + i] = (byte)labels[i];
        return bytes;
    }

    public static byte[] Gzip(byte[] raw)
    {
        var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(raw);
        return output.ToArray();
    }

    /// <summary>A complete MNIST-style folder: n train and m test images with labels i % 10.</summary>
    public string WriteIdxSet(string folder, int n = 12, int m = 6, bool gzip = false)
    {
        void Write(string name, byte[] data) =>
            File.WriteAllBytes(Path.Combine(folder, gzip ? name + ".gz" : name), gzip ? Gzip(data) : data);
        Directory.CreateDirectory(folder);
        Write("train-images-idx3-ubyte", IdxImages(n));
        Write("train-labels-idx1-ubyte", IdxLabels([.. Enumerable.Range(0, n).Select(i => i % 10)]));
        Write("t10k-images-idx3-ubyte", IdxImages(m));
        Write("t10k-labels-idx1-ubyte", IdxLabels([.. Enumerable.Range(0, m).Select(i => i % 10)]));
        return folder;
    }

    public static byte[] CifarBatch(int n, int labelOffset = 0)
    {
        var bytes = new byte[n * 3073];
        for (int i = 0; i < n; i++)
        {
            bytes[i * 3073] = (byte)((i + labelOffset) % 10);
            for (int k = 0; k < 3072; k++) bytes[i * 3073 + 1 + k] = (byte)((i * 13 + k) % 256);
        }
        return bytes;
    }

    public static byte[] NorbMatrix(int magic, int[] dims, byte[] payload)
    {
        int stored = Math.Max(3, dims.Length);
        var bytes = new byte[8 + 4 * stored + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), dims.Length);
        for (int d = 0; d < stored; d++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8 + 4 * d), d < dims.Length ? dims[d] : 1);
        payload.CopyTo(bytes, 8 + 4 * stored);
        return bytes;
    }

    public static byte[] NorbImages(int n, int size = 8)
    {
        var payload = new byte[n * 2 * size * size];
        for (int i = 0; i < n; i++)
            for (int s = 0; s < 2; s++)
                for (int p = 0; p < size * size; p++)
                    payload[((i * 2 + s) * size * size) + p] = (byte)(s == 0 ? (i * 10 + p) % 200 : 255);
        return NorbMatrix(0x1E3D4C55, [n, 2, size, size], payload);
    }

    public static byte[] NorbLabels(int[] labels)
    {
        var payload = new byte[labels.Length * 4];
        for (int i = 0; i < labels.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(4 * i), labels[i]);
        return NorbMatrix(0x1E3D4C54, [labels.Length], payload);
    }
}
