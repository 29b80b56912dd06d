using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LessData.Models;

/// <summary>
/// The base model of the paper: a stack of valid 3x3 conv-BN-ReLU layers, a primary capsule layer (every position of
/// the last feature map is a capsule of dimension = last width) and a homogeneous-vector-capsule (HVC) class layer.
/// <para>
/// Class capsule c = Σ_p u_p ⊙ W[c, p, :] (elementwise, no routing), then batch-norm and ReLU. The batch-norm follows
/// Byerly's TensorFlow code, which normalizes the [B, classes, D] tensor over its last axis: one mean/variance per
/// capsule dimension d, taken over the batch and all classes (here BatchNorm1d(D) applied to [B, D, classes]).
/// The logits are the class capsules' L2 lengths, [B, classes].
/// </para>
/// Parameter names match bench/reference/hvc_reference.py: features.*, weight, class_norm.*.
/// </summary>
internal sealed class HvcNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _features;
    private readonly Parameter _weight;
    private readonly BatchNorm1d _classNorm;
    private readonly BatchNorm1d? _logitNorm;

    /// <summary>Throws a user error when this network cannot take <paramref name="height"/>x<paramref name="width"/> images of <paramref name="classes"/> classes.</summary>
    public static void CheckInput(HvcArchitecture architecture, int height, int width, int classes)
    {
        architecture.Validate();
        if (classes < 1) throw new UserError($"a model needs at least 1 class (got {classes})");
        architecture.PrimaryCapsules(height, width);
    }

    public HvcNetwork(int channels, int height, int width, int classes, HvcArchitecture architecture) : base(nameof(HvcNetwork))
    {
        CheckInput(architecture, height, width, classes);
        Architecture = architecture;
        Classes = classes;
        Capsules = architecture.PrimaryCapsules(height, width);
        Dimension = architecture.CapsuleDimension;

        var widths = Enumerable.Range(0, architecture.Depth).Select(architecture.Width).ToArray();
        _features = ConvBlocks.Stack(channels, widths, padding: 0, architecture.Bf16Convolutions, architecture.BaseNorm);
        _weight = nn.Parameter(torch.empty(classes, Capsules, Dimension));
        nn.init.xavier_uniform_(_weight);
        _classNorm = architecture.BaseNorm ? BaseNorm.Vector(Dimension) : nn.BatchNorm1d(Dimension);

        register_module("features", _features);
        register_parameter("weight", _weight);
        register_module("class_norm", _classNorm);
        if (architecture.BaseNorm)
        {
            _logitNorm = BaseNorm.Vector(classes); // the base model's batch-norm on the logits (single-branch configuration)
            register_module("logit_norm", _logitNorm);
        }
    }

    public HvcArchitecture Architecture { get; }
    public int Classes { get; }
    /// <summary>Number of primary capsules P (positions of the last feature map).</summary>
    public int Capsules { get; }
    /// <summary>Capsule dimension D (width of the last convolution).</summary>
    public int Dimension { get; }

    /// <summary>The convolution stack (for tests and inspection).</summary>
    internal nn.Module<Tensor, Tensor> Features => _features;

    /// <summary>The HVC weights W[class, capsule, dimension].</summary>
    public Tensor Weight => _weight;

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var lengths = ClassCapsules(input).norm(1);                     // [B, C] capsule lengths
        return (_logitNorm is null ? lengths : _logitNorm.forward(lengths)).MoveToOuterDisposeScope();
    }

    /// <summary>The activated class capsules as [B, D, classes] (dimension-major, the layout batch-norm wants).</summary>
    public Tensor ClassCapsules(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var f = _features.forward(input);                        // [B, D, H', W']
        var u = f.flatten(2).permute(1, 0, 2);                   // [D, B, P]  primary capsules, dimension-major
        var w = _weight.permute(2, 1, 0);                        // [D, P, C]
        // One batched matmul over the D dimensions instead of materialising [B, C, P, D]: Σ_p u[b,p,d]·W[c,p,d].
        // Measured 5 ms vs 75 ms (forward + backward, B=120, P=100, D=160, 2 threads); einsum is equal to bmm.
        var v = torch.bmm(u, w).permute(1, 0, 2);                // [B, D, C]
        return nn.functional.relu(_classNorm.forward(v)).MoveToOuterDisposeScope();
    }
}
