using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// CIFAR-10: training pads each image with 4 blank pixels on every side, crops a random W x H window (offsets
/// 0 … 8 per image) and flips it horizontally with probability 1/2; test uses the image as is. Both are centred.
/// </summary>
internal sealed class CifarTransform(int channels, int height, int width) : IBatchTransform
{
    public const int Padding = 4;
    public const double FlipProbability = 0.5;

    public (int Channels, int Height, int Width) OutputShape { get; } = (channels, height, width);

    public Tensor Train(Tensor batch, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        long n = batch.shape[0];
        var padded = nn.functional.pad(Pixels.ToUnit(batch), [Padding, Padding, Padding, Padding]);
        var top = RandomDraws.Integers(n, 0, 2 * Padding, generator);
        var left = RandomDraws.Integers(n, 0, 2 * Padding, generator);
        var flip = RandomDraws.Coin(n, FlipProbability, generator).view(-1, 1, 1, 1);
        var cropped = BatchCrop.Apply(padded, top, left, batch.shape[2], batch.shape[3]);
        var x = torch.where(flip, cropped.flip(3), cropped);
        return Pixels.Centre(x).MoveToOuterDisposeScope();
    }

    public Tensor Test(Tensor batch)
    {
        using var scope = torch.NewDisposeScope();
        return Pixels.Centre(Pixels.ToUnit(batch)).MoveToOuterDisposeScope();
    }
}
