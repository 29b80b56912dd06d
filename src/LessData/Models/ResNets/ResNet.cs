using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LessData.Models.ResNets;

/// <summary>
/// A CIFAR-style ResNet for any channel count and image size: a 3x3 stem conv → BN → ReLU (no max-pool), stages of
/// basic blocks (the first block of every stage after the first has stride 2), global average pooling and one linear
/// layer. Names match the PyTorch definitions in bench/reference/resnet_reference.py (conv1, bn1, layer1.0.conv1, …,
/// linear), so safetensors written from it load there unchanged.
/// </summary>
internal sealed class ResNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly List<nn.Module<Tensor, Tensor>> _layers = [];
    private readonly Linear _linear;

    /// <summary>Throws a user error when this network cannot take <paramref name="height"/>x<paramref name="width"/> images of <paramref name="classes"/> classes.</summary>
    public static void CheckInput(ResNetArchitecture a, int height, int width, int classes)
    {
        if (classes < 1) throw new UserError($"a model needs at least 1 class (got {classes})");
        int least = 1 << (a.Widths.Count - 1);
        if (height < least || width < least)
            throw new UserError($"a {height}x{width} input is too small for {a.Name} ({a.Widths.Count - 1} stride-2 stages need at least {least}x{least})");
    }

    public ResNet(ResNetArchitecture a, int channels, int height, int width, int classes) : base(a.Name)
    {
        CheckInput(a, height, width, classes);
        _conv1 = nn.Conv2d(channels, a.Widths[0], 3, stride: 1, padding: 1, bias: false);
        _bn1 = nn.BatchNorm2d(a.Widths[0]);
        register_module("conv1", _conv1);
        register_module("bn1", _bn1);
        int c = a.Widths[0];
        for (int stage = 0; stage < a.Widths.Count; stage++)
        {
            var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
            for (int b = 0; b < a.Blocks[stage]; b++)
            {
                blocks.Add(($"{b}", new BasicBlock(c, a.Widths[stage], stage > 0 && b == 0 ? 2 : 1, a.Projection)));
                c = a.Widths[stage];
            }
            var layer = nn.Sequential(blocks.ToArray());
            register_module($"layer{stage + 1}", layer);
            _layers.Add(layer);
        }
        _linear = nn.Linear(c, classes);
        register_module("linear", _linear);
        foreach (var (_, m) in named_modules())
            if (m is Conv2d conv) nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var y = nn.functional.relu(_bn1.forward(_conv1.forward(x)));
        foreach (var layer in _layers) y = layer.forward(y);
        y = y.mean([2, 3]);
        return _linear.forward(y).MoveToOuterDisposeScope();
    }
}
