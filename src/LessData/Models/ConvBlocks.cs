using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Models;

/// <summary>The repeated unit of both networks: 3x3 convolution without bias → BatchNorm2d → ReLU.</summary>
internal static class ConvBlocks
{
    /// <summary>
    /// A Sequential named like PyTorch's nn.Sequential ("0", "1", "2", … for conv, bn, relu of each layer), so a
    /// state dict lines up by name with bench/reference/hvc_reference.py.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Stack(int inChannels, IReadOnlyList<int> widths, int padding, bool bf16 = false, bool baseNorm = false)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int c = inChannels;
        foreach (int width in widths)
        {
            layers.Add(($"{layers.Count}", bf16 ? new Bf16Conv2d(c, width, padding) : nn.Conv2d(c, width, 3, padding: padding, bias: false)));
            layers.Add(($"{layers.Count}", baseNorm ? BaseNorm.Conv(width) : nn.BatchNorm2d(width)));
            layers.Add(($"{layers.Count}", nn.ReLU()));
            c = width;
        }
        return nn.Sequential(layers.ToArray());
    }
}
