using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LessData.Models;

/// <summary>
/// A 3x3 convolution (no bias) that keeps an fp32 master weight but computes in bfloat16: input and weight are cast
/// to bf16, convolved (oneDNN's bf16 kernels on CPUs with AVX512-BF16), and the result cast back to fp32 for the
/// batch-norm that follows. Gradients flow through the casts to the fp32 weight, so the optimizer and batch-norm stay
/// fp32. TorchSharp has no autocast; this is the deliberate mixed-precision policy behind `--model hvc:bf16`
/// (docs/benchmarks.md). Parameter name "weight" matches nn.Conv2d, so state dicts line up.
/// </summary>
internal sealed class Bf16Conv2d : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly long _padding;

    public Bf16Conv2d(long inChannels, long outChannels, long padding) : base(nameof(Bf16Conv2d))
    {
        using (var reference = nn.Conv2d(inChannels, outChannels, 3, padding: padding, bias: false))
            _weight = nn.Parameter(reference.weight!.detach().clone());   // nn.Conv2d's own initialisation
        _padding = padding;
        register_parameter("weight", _weight);
    }

    public Parameter weight => _weight;

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var y = nn.functional.conv2d(input.to(ScalarType.BFloat16), _weight.to(ScalarType.BFloat16), padding: [_padding, _padding]);
        return y.to(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
