using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// MNIST and Fashion-MNIST, as in the base model's code: training applies rotation, margin shift, squish and erasure
/// (in that order) on the [0, 1) scale; both training and test inputs are then centred to [−1, 1).
/// </summary>
internal sealed class MnistTransform(int channels, int height, int width) : IBatchTransform
{
    public (int Channels, int Height, int Width) OutputShape { get; } = (channels, height, width);

    public Tensor Train(Tensor batch, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var x = Pixels.ToUnit(batch);
        x = RandomRotation.Apply(x, generator);
        x = MarginShift.Apply(x, generator);
        x = RandomSquish.Apply(x, generator);
        x = RandomErase.Apply(x, generator);
        return Pixels.Centre(x).MoveToOuterDisposeScope();
    }

    public Tensor Test(Tensor batch)
    {
        using var scope = torch.NewDisposeScope();
        return Pixels.Centre(Pixels.ToUnit(batch)).MoveToOuterDisposeScope();
    }
}
