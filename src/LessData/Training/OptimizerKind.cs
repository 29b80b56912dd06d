using System.Text.Json.Serialization;

namespace LessData.Training;

/// <summary>The optimizer of a run: <c>adam</c> (the paper's) or <c>sgd</c> (momentum, optional Nesterov).</summary>
[JsonConverter(typeof(SpecJsonConverter<OptimizerKind>))]
public sealed class OptimizerKind : ISpec<OptimizerKind>
{
    /// <summary>How errors name this setting (the CLI maps it to its flag).</summary>
    public const string Setting = "optimizer";

    /// <summary>Adam with TorchSharp's default betas (the paper's).</summary>
    public static readonly OptimizerKind Adam = new("adam");

    /// <summary>Stochastic gradient descent with momentum.</summary>
    public static readonly OptimizerKind Sgd = new("sgd");

    /// <summary>Every optimizer, in the order help text lists them.</summary>
    public static IReadOnlyList<OptimizerKind> All { get; } = [Adam, Sgd];

    private readonly string _name;

    private OptimizerKind(string name) => _name = name;

    /// <summary>The optimizer named by <paramref name="text"/> (trimmed, any case).</summary>
    public static OptimizerKind Parse(string text) => Choices.Parse(text, All, Setting);

    /// <summary>The canonical name, e.g. "adam".</summary>
    public override string ToString() => _name;
}
