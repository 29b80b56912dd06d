using System.Text.Json.Serialization;

namespace LessData.Training;

/// <summary>The shape of the learning rate over a run (<see cref="LearningRateCurve"/>): paper, exponential, linear, cosine or onecycle.</summary>
[JsonConverter(typeof(SpecJsonConverter<LrScheduleKind>))]
public sealed class LrScheduleKind : ISpec<LrScheduleKind>
{
    /// <summary>How errors name this setting (the CLI maps it to its flag).</summary>
    public const string Setting = "lrSchedule";

    /// <summary>The base model's exponential decay per epoch, floored.</summary>
    public static readonly LrScheduleKind Paper = new("paper");

    /// <summary>
    /// The base model's exponential decay counted in optimizer steps (decay^p with p continuous, floored): on the images
    /// clock it reaches the full run's final rate at the end of the run's own budget.
    /// </summary>
    public static readonly LrScheduleKind Exponential = new("exponential");

    /// <summary>Linear decay from the initial rate to 0 at the end of the run (budgeted training's linear schedule).</summary>
    public static readonly LrScheduleKind Linear = new("linear");

    /// <summary>Cosine annealing from the initial rate to 0.</summary>
    public static readonly LrScheduleKind Cosine = new("cosine");

    /// <summary>PyTorch's OneCycleLR.</summary>
    public static readonly LrScheduleKind OneCycle = new("onecycle");

    /// <summary>Every schedule, in the order help text lists them.</summary>
    public static IReadOnlyList<LrScheduleKind> All { get; } = [Paper, Exponential, Linear, Cosine, OneCycle];

    private readonly string _name;

    private LrScheduleKind(string name) => _name = name;

    /// <summary>The schedule named by <paramref name="text"/> (trimmed, any case).</summary>
    public static LrScheduleKind Parse(string text) => Choices.Parse(text, All, Setting);

    /// <summary>The canonical name, e.g. "cosine".</summary>
    public override string ToString() => _name;
}
