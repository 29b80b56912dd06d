using LessData.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>
/// The blank margins around each image's non-zero ("ink") pixels, for a whole batch at once: how many all-zero
/// columns lie left and right of the ink and how many all-zero rows lie above and below it. A blank image has all
/// margins 0 (so it is never shifted).
/// </summary>
internal sealed record InkBounds(Tensor Left, Tensor Right, Tensor Top, Tensor Bottom)
{
    /// <param name="images">[B, C, H, W], any non-negative values; a pixel is ink when its channel sum is above 0.</param>
    public static InkBounds Of(Tensor images)
    {
        var ink = images.sum(1).gt(RootedScalars.Of(0L));  // [B, H, W]
        var columns = ink.any(1).to(ScalarType.Int32);    // [B, W]
        var rows = ink.any(2).to(ScalarType.Int32);       // [B, H]
        // argmax returns the first maximal index: the number of blank columns/rows before the first ink.
        return new InkBounds(columns.argmax(1), columns.flip(1).argmax(1), rows.argmax(1), rows.flip(1).argmax(1));
    }
}
