using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Data;

/// <summary>
/// One split of an image dataset held as ONE contiguous uint8 tensor [N, C, H, W] plus one int64 label tensor [N].
/// Never one tensor per sample: an epoch is an index tensor into these.
/// </summary>
internal sealed class ImageDataset : IDisposable
{
    public ImageDataset(string name, string split, byte[] pixels, int[] labels, int channels, int height, int width, int classCount)
    {
        long perImage = (long)channels * height * width;
        if (pixels.LongLength != perImage * labels.Length)
            throw new ArgumentException($"{name}/{split}: {pixels.LongLength} pixel bytes do not make {labels.Length} images of {channels}x{height}x{width}");
        Name = name;
        Split = split;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        ClassCount = classCount;
        ImageTensor = torch.tensor(pixels, new long[] { labels.Length, channels, height, width }, dtype: ScalarType.Byte);
        LabelTensor = torch.tensor(labels.Select(l => (long)l).ToArray(), new long[] { labels.Length });
    }

    public string Name { get; }
    public string Split { get; }
    /// <summary>Labels on the host, for pure selection decisions (stratification).</summary>
    public IReadOnlyList<int> Labels { get; }
    public int Count => Labels.Count;
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public int ClassCount { get; }
    /// <summary>Class names by label (folder datasets); null for the built-in datasets, whose labels are numbers.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }
    public Tensor ImageTensor { get; }
    public Tensor LabelTensor { get; }

    /// <summary>A new dataset holding the given images (one index_select, still one contiguous tensor).</summary>
    public ImageDataset Take(int[] indices)
    {
        using var idx = torch.tensor(indices.Select(i => (long)i).ToArray());
        using var images = ImageTensor.index_select(0, idx).contiguous();
        var labels = indices.Select(i => Labels[i]).ToArray();
        return new ImageDataset(Name, Split, images, labels, Channels, Height, Width, ClassCount) { ClassNames = ClassNames };
    }

    private ImageDataset(string name, string split, Tensor images, int[] labels, int channels, int height, int width, int classCount)
    {
        Name = name;
        Split = split;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        ClassCount = classCount;
        ImageTensor = images.alias();
        LabelTensor = torch.tensor(labels.Select(l => (long)l).ToArray(), new long[] { labels.Length });
    }

    public void Dispose()
    {
        ImageTensor.Dispose();
        LabelTensor.Dispose();
    }
}
