using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// The augmentation stage for one dataset: runs after selection, on a whole batch at once.
/// Input: a uint8 batch [B, C, H, W] as stored. Output: a float32 batch ready for the model (augmented for training,
/// deterministic for test; centred in both). Randomness comes only from the given generator.
/// </summary>
internal interface IBatchTransform
{
    /// <summary>The [C, H, W] the model sees after this transform (smallNORB becomes 1x32x32).</summary>
    (int Channels, int Height, int Width) OutputShape { get; }

    Tensor Train(Tensor batch, Generator generator);

    Tensor Test(Tensor batch);
}
