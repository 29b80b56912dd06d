using static TorchSharp.torch;

namespace LessData.Models;

/// <summary>
/// Builds a model by name. Known names:
/// <list type="bullet">
/// <item><c>hvc</c>: the paper's capsule network (9 convolutions, widths 32…160, HVC class capsules).</item>
/// <item><c>hvc-small</c>: the same design sized for a CPU (see docs/models.md for the measured speed-up).</item>
/// <item><c>cnn</c>: a plain CNN baseline (conv-BN-ReLU, pooling, global average, linear head).</item>
/// <item><c>resnet20</c>, <c>resnet18</c>: the standard CIFAR ResNets (<see cref="ResNets.ResNetArchitecture"/>).</item>
/// </list>
/// A capsule model's depth, first width and growth are options: <c>hvc:depth=7,first=16,growth=8</c> starts from the
/// named preset and overrides what is given.
/// </summary>
internal static class ModelFactory
{
    /// <summary>
    /// The CPU-sized capsule network: the paper's 9 valid convolutions (so the same 10x10 primary capsules on 28x28)
    /// with widths 8, 12, …, 40 instead of 32, 48, …, 160 — about 8x faster to train (docs/models.md).
    /// </summary>
    internal static readonly HvcArchitecture Small = new(9, 8, 4);

    public static IReadOnlyList<string> Names { get; } = ["hvc", "hvc-small", "cnn", "resnet20", "resnet18"];

    /// <summary>
    /// Whether the evaluated (and saved) weights are the EMA of the weights: the paper's default, kept for the capsule
    /// networks and the cnn. For the standard ResNets the trained weights themselves are evaluated and saved, as their
    /// published recipes do.
    /// </summary>
    public static bool EvaluatesAverage(string name) => ResNets.ResNetArchitecture.Named(Normalize(name)) is null;

    /// <summary>
    /// Throws the user error <see cref="Create"/> would for this input (too few channels or classes, images too small
    /// for the model), without building the model.
    /// </summary>
    public static void CheckInput(string name, int channels, int height, int width, int classes)
    {
        if (channels < 1) throw new UserError($"a model needs at least 1 input channel (got {channels})");
        string preset = Normalize(name);
        if (ResNets.ResNetArchitecture.Named(preset) is { } resnet) ResNets.ResNet.CheckInput(resnet, height, width, classes);
        else if (preset == "cnn") PlainCnn.CheckInput(height, width, classes);
        else HvcNetwork.CheckInput(Architecture(name), height, width, classes);
    }

    /// <summary>The model <paramref name="name"/> names for this input, after the numerics self-check of its convolutions.</summary>
    public static nn.Module<Tensor, Tensor> Create(string name, int channels, int height, int width, int classes)
    {
        if (channels < 1) throw new UserError($"a model needs at least 1 input channel (got {channels})");
        string preset = Normalize(name);
        nn.Module<Tensor, Tensor> model = ResNets.ResNetArchitecture.Named(preset) is { } resnet ? new ResNets.ResNet(resnet, channels, height, width, classes)
            : preset == "cnn" ? new PlainCnn(channels, height, width, classes)
            : new HvcNetwork(channels, height, width, classes, Architecture(name));
        try
        {
            Native.NumericsGuard.Ensure(model); // every model's convolutions are checked on this machine before it computes (once per shape)
        }
        catch (UserError)
        {
            model.Dispose();
            throw;
        }
        return model;
    }

    /// <summary>The capsule network's shape for an HVC model spec (hvc, hvc-small, with optional overrides).</summary>
    internal static HvcArchitecture Architecture(string name)
    {
        var preset = Normalize(name) switch
        {
            "hvc" => HvcArchitecture.Paper,
            "hvc-small" => Small,
            var other => throw new UserError($"model '{other}' is not a capsule network; capsule models: hvc, hvc-small"),
        };
        var architecture = preset;
        foreach (var (key, value) in Options(name))
            architecture = key switch
            {
                "depth" => architecture with { Depth = value },
                "first" => architecture with { FirstWidth = value },
                "growth" => architecture with { Growth = value },
                "bf16" => architecture with { Bf16Convolutions = value != 0 },
                "bn" => architecture with { BaseNorm = value != 0 },
                _ => throw new UserError($"model '{name}': unknown option '{key}'; capsule models take depth, first, growth, bf16 and bn=base|torch, e.g. hvc:depth=7,first=16,growth=8 or hvc:bf16,bn=base"),
            };
        architecture.Validate();
        return architecture;
    }

    /// <summary>Number of trainable parameters (buffers such as batch-norm running statistics, and frozen ones such as the base norm's γ, are not counted).</summary>
    public static long ParameterCount(nn.Module module) => module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    internal static FlopCount FlopsPerImage(string name, int channels, int height, int width, int classes)
    {
        string model = Normalize(name);
        if (ResNets.ResNetArchitecture.Named(model) is { } resnet) return new FlopCount(2 * resnet.MultiplyAdds(channels, height, width, classes));
        long macs = 0;
        if (model == "cnn")
        {
            int c = channels, h = height, w = width;
            for (int i = 0; i < PlainCnn.Widths.Count; i++)
            {
                macs += 9L * c * PlainCnn.Widths[i] * h * w;
                c = PlainCnn.Widths[i];
                if (i % 2 == 1) { h /= 2; w /= 2; }
            }
            macs += (long)c * classes;
            return new FlopCount(2 * macs);
        }
        var a = Architecture(name);
        var (fh, fw) = a.FinalMap(height, width);
        int inC = channels;
        for (int i = 0; i < a.Depth; i++)
        {
            long outSize = (long)(height - 2 * (i + 1)) * (width - 2 * (i + 1));
            macs += 9L * inC * a.Width(i) * outSize;
            inC = a.Width(i);
        }
        macs += (long)classes * fh * fw * a.CapsuleDimension;  // HVC: one multiply-add per class, capsule and dimension
        macs += (long)classes * a.CapsuleDimension;              // capsule lengths (squares summed)
        return new FlopCount(2 * macs);
    }

    /// <summary>Throws the user-facing error for an unknown model or bad options; returns the preset name.</summary>
    public static string Check(string name)
    {
        string preset = Normalize(name);
        if (preset is "hvc" or "hvc-small") Architecture(name);
        else if (Options(name).Count > 0) throw new UserError($"model '{name}': {preset} takes no options");
        return preset;
    }

    /// <summary>The preset part of a model spec ("hvc" of "hvc:depth=7").</summary>
    private static string Normalize(string name)
    {
        string n = (name ?? "").Trim().ToLowerInvariant();
        int colon = n.IndexOf(':');
        if (colon >= 0) n = n[..colon];
        if (!Names.Contains(n))
            throw new UserError($"unknown model '{name}'; known models: {string.Join(", ", Names)} (capsule models take options, e.g. hvc:depth=7,first=16,growth=8)");
        return n;
    }

    private static List<(string Key, int Value)> Options(string name)
    {
        string n = (name ?? "").Trim().ToLowerInvariant();
        int colon = n.IndexOf(':');
        if (colon < 0) return [];
        var options = new List<(string, int)>();
        foreach (var part in n[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv is ["bf16"]) { options.Add(("bf16", 1)); continue; }
            if (kv is ["bn", var norm])
            {
                options.Add(("bn", norm switch
                {
                    "base" => 1,
                    "torch" => 0,
                    _ => throw new UserError($"model '{name}': bn must be base (the base model's batch-norm) or torch (PyTorch defaults), got '{norm}'"),
                }));
                continue;
            }
            if (kv.Length != 2 || !int.TryParse(kv[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int v))
                throw new UserError($"model '{name}': option '{part}' must be key=whole number, e.g. hvc:depth=7,first=16,growth=8");
            options.Add((kv[0], v));
        }
        return options;
    }
}
