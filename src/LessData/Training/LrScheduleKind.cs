using System.Text.Json.Serialization;

namespace LessData.Training;

/// <summary>The shape of the learning rate over a run (<see cref="LearningRatePlan"/>): paper, cosine or onecycle.</summary>
[JsonConverter(typeof(SpecJsonConverter<LrScheduleKind>))]
public sealed class LrScheduleKind : ISpec<LrScheduleKind>
{
    /// <summary>How errors name this setting (the CLI maps it to its flag).</summary>
    public const string Setting = "lrSchedule";

    /// <summary>The base model's exponential decay per epoch, floored.</summary>
    public static readonly LrScheduleKind Paper = new("paper");

    /// <summary>Cosine annealing from the initial rate to 0.</summary>
    public static readonly LrScheduleKind Cosine = new("cosine");

    /// <summary>PyTorch's OneCycleLR.</summary>
    public static readonly LrScheduleKind OneCycle = new("onecycle");

    /// <summary>Every schedule, in the order help text lists them.</summary>
    public static IReadOnlyList<LrScheduleKind> All { get; } = [Paper, Cosine, OneCycle];

    private readonly string _name;

    private LrScheduleKind(string name) => _name = name;

    /// <summary>The schedule named by <paramref name="text"/> (trimmed, any case).</summary>
    public static LrScheduleKind Parse(string text) => Choices.Parse(text, All, Setting);

    /// <summary>The canonical name, e.g. "cosine".</summary>
    public override string ToString() => _name;
}
