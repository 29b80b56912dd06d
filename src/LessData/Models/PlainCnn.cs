using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LessData.Models;

/// <summary>
/// A plain CNN baseline for comparison with the capsule network: same-padded 3x3 conv-BN-ReLU layers with a 2x2
/// max-pool after every second layer, global average pooling and one linear layer giving the logits.
/// </summary>
internal sealed class PlainCnn : nn.Module<Tensor, Tensor>
{
    /// <summary>Widths of the convolutions; a 2x2 max-pool follows layers 1 and 3 (0-based).</summary>
    public static readonly IReadOnlyList<int> Widths = [32, 32, 64, 64];

    private readonly nn.Module<Tensor, Tensor> _block1;
    private readonly nn.Module<Tensor, Tensor> _block2;
    private readonly Linear _head;

    /// <summary>Throws a user error when the cnn cannot take <paramref name="height"/>x<paramref name="width"/> images of <paramref name="classes"/> classes.</summary>
    public static void CheckInput(int height, int width, int classes)
    {
        if (classes < 1) throw new UserError($"a model needs at least 1 class (got {classes})");
        if (height < 4 || width < 4)
            throw new UserError($"a {height}x{width} input is too small for the cnn model (two 2x2 poolings need at least 4x4)");
    }

    public PlainCnn(int channels, int height, int width, int classes) : base(nameof(PlainCnn))
    {
        CheckInput(height, width, classes);
        _block1 = ConvBlocks.Stack(channels, [Widths[0], Widths[1]], padding: 1);
        _block2 = ConvBlocks.Stack(Widths[1], [Widths[2], Widths[3]], padding: 1);
        _head = nn.Linear(Widths[3], classes);
        register_module("block1", _block1);
        register_module("block2", _block2);
        register_module("head", _head);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = nn.functional.max_pool2d(_block1.forward(input), 2);
        x = nn.functional.max_pool2d(_block2.forward(x), 2);
        x = x.mean([2, 3]);                                      // global average pooling → [B, 64]
        return _head.forward(x).MoveToOuterDisposeScope();
    }
}
