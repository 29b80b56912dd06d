using System.Text.Json.Serialization;

namespace LessData.Augmentation;

/// <summary>An augmentation pipeline by name: none, cifar, mnist or norb (<see cref="AugmentationFactory"/>).</summary>
[JsonConverter(typeof(SpecJsonConverter<AugmentationPipeline>))]
public sealed class AugmentationPipeline : ISpec<AugmentationPipeline>
{
    /// <summary>How errors name this setting (the CLI maps it to its flag).</summary>
    public const string Setting = "augmentation";

    /// <summary>No augmentation: training uses the test transform.</summary>
    public static readonly AugmentationPipeline None = new("none");

    /// <summary>Random crop with 4-pixel padding and horizontal flip.</summary>
    public static readonly AugmentationPipeline Cifar = new("cifar");

    /// <summary>The base model's MNIST pipeline: rotation, shift, squish, erasure.</summary>
    public static readonly AugmentationPipeline Mnist = new("mnist");

    /// <summary>The smallNORB pipeline.</summary>
    public static readonly AugmentationPipeline Norb = new("norb");

    /// <summary>Every pipeline, in the order help text lists them.</summary>
    public static IReadOnlyList<AugmentationPipeline> All { get; } = [None, Cifar, Mnist, Norb];

    private readonly string _name;

    private AugmentationPipeline(string name) => _name = name;

    /// <summary>The pipeline named by <paramref name="text"/> (trimmed, any case).</summary>
    public static AugmentationPipeline Parse(string text) => Choices.Parse(text, All, Setting);

    /// <summary>The pipeline named by <paramref name="text"/>, or null for blank text (the dataset's own).</summary>
    public static AugmentationPipeline? ParseOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Parse(text);

    /// <summary>The canonical name, e.g. "mnist".</summary>
    public override string ToString() => _name;
}
