using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Augmentation;

/// <summary>An h x w crop at a different (top, left) for every image of a batch, by two gathers (exact, no resampling).</summary>
internal static class BatchCrop
{
    public static Tensor Apply(Tensor images, Tensor top, Tensor left, long height, long width)
    {
        long n = images.shape[0], c = images.shape[1], w = images.shape[3];
        var rows = (top.view(-1, 1) + torch.arange(height).view(1, -1)).view(n, 1, height, 1).expand(n, c, height, w);
        var tall = images.gather(2, rows);                                                   // [B, C, h, W]
        var cols = (left.view(-1, 1) + torch.arange(width).view(1, -1)).view(n, 1, 1, width).expand(n, c, height, width);
        return tall.gather(3, cols);                                                         // [B, C, h, w]
    }

    /// <summary>The same centred crop of every image (offsets (H − h) / 2, (W − w) / 2, rounded down).</summary>
    public static Tensor Centre(Tensor images, long height, long width) =>
        images.narrow(2, (images.shape[2] - height) / 2, height).narrow(3, (images.shape[3] - width) / 2, width);
}
