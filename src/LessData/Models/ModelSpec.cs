using System.Text.Json.Serialization;

namespace LessData.Models;

/// <summary>
/// A model by name with its options, e.g. <c>hvc-small</c> or <c>hvc:depth=7,first=16,growth=8</c>
/// (<see cref="ModelFactory"/>): checked when parsed, without building the model.
/// </summary>
[JsonConverter(typeof(SpecJsonConverter<ModelSpec>))]
public sealed record ModelSpec : ISpec<ModelSpec>
{
    /// <summary>How errors name this setting (the CLI maps it to its flag).</summary>
    public const string Setting = "model";

    private readonly string _text;

    private ModelSpec(string text, string preset) => (_text, Preset) = (text, preset);

    /// <summary>The named preset, e.g. "hvc" of "hvc:depth=7".</summary>
    public string Preset { get; }

    /// <summary>The model <paramref name="text"/> names (trimmed, lower case); a user error for an unknown model or bad options.</summary>
    public static ModelSpec Parse(string text)
    {
        string canonical = (text ?? "").Trim().ToLowerInvariant();
        try
        {
            return new ModelSpec(canonical, ModelFactory.Check(canonical));
        }
        catch (UserError e) when (e.Parameter is null)
        {
            throw new UserError(e.Message, e, Setting);
        }
    }

    /// <summary>The spec's text, which <see cref="ModelFactory"/> and model.json take.</summary>
    public static implicit operator string(ModelSpec spec) => spec._text;

    /// <summary>The canonical spec, e.g. "hvc:depth=7".</summary>
    public override string ToString() => _text;
}
