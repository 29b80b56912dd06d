using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LessData.Models.ResNets;

/// <summary>
/// He et al.'s basic block: 3x3 conv (stride s) → BN → ReLU → 3x3 conv → BN, plus the shortcut, then ReLU.
/// When the shape changes the shortcut is either option A (parameter-free: take every second pixel and pad the new
/// channels with zeros, as in the CIFAR ResNet-20 paper) or option B (1x1 conv with stride s → BN, as in the
/// ResNet-18 used for CIFAR). Parameter names match PyTorch: conv1, bn1, conv2, bn2, shortcut.0, shortcut.1.
/// </summary>
internal sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;
    private readonly Sequential _shortcut;
    private readonly int _padChannels;
    private readonly bool _subsample;

    public BasicBlock(int inChannels, int channels, int stride, bool projection) : base(nameof(BasicBlock))
    {
        _conv1 = nn.Conv2d(inChannels, channels, 3, stride: stride, padding: 1, bias: false);
        _bn1 = nn.BatchNorm2d(channels);
        _conv2 = nn.Conv2d(channels, channels, 3, stride: 1, padding: 1, bias: false);
        _bn2 = nn.BatchNorm2d(channels);
        bool changes = stride != 1 || inChannels != channels;
        _shortcut = changes && projection
            ? nn.Sequential(("0", nn.Conv2d(inChannels, channels, 1, stride: stride, bias: false)), ("1", nn.BatchNorm2d(channels)))
            : nn.Sequential();
        if (changes && !projection)
        {
            _subsample = stride != 1;
            _padChannels = channels - inChannels;
        }
        register_module("conv1", _conv1);
        register_module("bn1", _bn1);
        register_module("conv2", _conv2);
        register_module("bn2", _bn2);
        register_module("shortcut", _shortcut);
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var y = nn.functional.relu(_bn1.forward(_conv1.forward(x)));
        y = _bn2.forward(_conv2.forward(y));
        return nn.functional.relu(y.add_(Shortcut(x))).MoveToOuterDisposeScope();
    }

    private Tensor Shortcut(Tensor x)
    {
        if (_padChannels == 0 && !_subsample) return _shortcut.forward(x);
        var s = _subsample ? x[.., .., TensorIndex.Slice(null, null, 2), TensorIndex.Slice(null, null, 2)] : x;
        int before = _padChannels / 2;
        return nn.functional.pad(s, [0, 0, 0, 0, before, _padChannels - before]);
    }
}
