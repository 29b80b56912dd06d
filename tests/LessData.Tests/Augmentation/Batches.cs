using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Tests.Augmentation;

/// <summary>Small synthetic uint8 batches for the augmentation tests.</summary>
internal static class Batches
{
    /// <summary>Random bytes, the same for the same seed.</summary>
    public static Tensor Random(int count, int channels, int height, int width, ulong seed = 1)
    {
        using var generator = new Generator(seed);
        return torch.randint(0, 256, [count, channels, height, width], generator: generator).to(ScalarType.Byte);
    }

    /// <summary>Blank images, each with one solid rectangle of ink at the given (top, left, height, width).</summary>
    public static Tensor Ink(int size, params (int Top, int Left, int Height, int Width)[] boxes)
    {
        var images = torch.zeros([boxes.Length, 1, size, size], ScalarType.Byte);
        for (int i = 0; i < boxes.Length; i++)
        {
            var (top, left, h, w) = boxes[i];
            images[i, 0, TensorIndex.Slice(top, top + h), TensorIndex.Slice(left, left + w)] = torch.tensor((byte)200);
        }
        return images;
    }

    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
