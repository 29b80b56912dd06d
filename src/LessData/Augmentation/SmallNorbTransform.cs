using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// smallNORB, as in the base model's code: the first image of each stereo pair (channel 0), inverted (1 − x), resized
/// to 48x48 (bilinear; for 96→48 this is the mean of each 2x2 block), then a 32x32 crop — random for training, central
/// for test. Training then adds a brightness delta uniform in [−0.25, 0.25] (on the [0, 1] scale) and scales the
/// contrast around each image's mean by a factor uniform in [0.2, 1.8]. Both are centred; the model sees 1x32x32.
/// </summary>
internal sealed class SmallNorbTransform : IBatchTransform
{
    public const int Resized = 48;
    public const int Crop = 32;
    public const double MaxBrightnessDelta = 0.25;
    public const double MinContrast = 0.2;
    public const double MaxContrast = 1.8;

    public (int Channels, int Height, int Width) OutputShape => (1, Crop, Crop);

    public Tensor Train(Tensor batch, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        long n = batch.shape[0];
        var x = Resize(batch);
        var top = RandomDraws.Integers(n, 0, Resized - Crop, generator);
        var left = RandomDraws.Integers(n, 0, Resized - Crop, generator);
        x = BatchCrop.Apply(x, top, left, Crop, Crop);
        var brightness = RandomDraws.Uniform(n, -MaxBrightnessDelta, MaxBrightnessDelta, generator).view(-1, 1, 1, 1);
        var contrast = RandomDraws.Uniform(n, MinContrast, MaxContrast, generator).view(-1, 1, 1, 1);
        x = x + brightness;
        var mean = x.mean([2, 3], keepdim: true);
        x = (x - mean) * contrast + mean;
        return Pixels.Centre(x).MoveToOuterDisposeScope();
    }

    public Tensor Test(Tensor batch)
    {
        using var scope = torch.NewDisposeScope();
        return Pixels.Centre(BatchCrop.Centre(Resize(batch), Crop, Crop)).MoveToOuterDisposeScope();
    }

    private static Tensor Resize(Tensor batch)
    {
        var first = Pixels.ToUnit(batch).narrow(1, 0, 1);
        var inverted = first.neg().add_(RootedScalars.Of(1L));
        return nn.functional.interpolate(inverted, [Resized, Resized], mode: InterpolationMode.Bilinear, align_corners: false);
    }
}
