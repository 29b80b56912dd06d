using LessData.Data;

namespace LessData.Tests.Training;

/// <summary>A learnable toy set: 28×28 grey images whose class (0..3) is the quadrant holding a bright square, plus noise.</summary>
internal static class SyntheticData
{
    public static ImageDataset Make(int count, int seed, string split = "train")
    {
        var random = new Random(seed);
        var pixels = new byte[count * 28 * 28];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % 4;
            labels[i] = label;
            int top = label / 2 * 14 + random.Next(1, 5), left = label % 2 * 14 + random.Next(1, 5);
            for (int p = 0; p < 784; p++) pixels[i * 784 + p] = (byte)random.Next(0, 40);
            for (int y = top; y < top + 8; y++)
                for (int x = left; x < left + 8; x++)
                    pixels[i * 784 + y * 28 + x] = (byte)random.Next(180, 256);
        }
        return new ImageDataset("synthetic", split, pixels, labels, 1, 28, 28, 4);
    }
}
