namespace LessData.Data;

/// <summary>CIFAR-10 binary version: records of 1 label byte + 3072 pixel bytes (R, G, B planes of 32×32).</summary>
internal static class Cifar10Reader
{
    public const int RecordSize = 1 + 3 * 32 * 32;

    public static (byte[] Pixels, int[] Labels) Read(IReadOnlyList<string> paths)
    {
        var pixels = new List<byte[]>();
        var labels = new List<int>();
        foreach (var path in paths)
        {
            var bytes = DataFile.ReadAll(path);
            if (bytes.Length == 0 || bytes.Length % RecordSize != 0)
                throw new UserError($"{path}: {bytes.Length} bytes is not a whole number of {RecordSize}-byte CIFAR-10 records (truncated or not a CIFAR-10 binary batch)");
            int n = bytes.Length / RecordSize;
            var block = new byte[n * (RecordSize - 1)];
            for (int i = 0; i < n; i++)
            {
                int label = bytes[i * RecordSize];
                if (label > 9) throw new UserError($"{path}: label {label} in record {i} is out of range 0..9; not a CIFAR-10 binary batch");
                labels.Add(label);
                Buffer.BlockCopy(bytes, i * RecordSize + 1, block, i * (RecordSize - 1), RecordSize - 1);
            }
            pixels.Add(block);
        }
        return ([.. pixels.SelectMany(p => p)], [.. labels]);
    }
}
