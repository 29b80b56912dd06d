using System.Text.Json.Serialization;
using LessData.Selection;

namespace LessData.Training;

/// <summary>What the learning-rate schedule's progress counts: <c>epochs</c> done or <c>images</c> seen.</summary>
[JsonConverter(typeof(SpecJsonConverter<LrClockKind>))]
public sealed class LrClockKind : ISpec<LrClockKind>
{
    /// <summary>How errors name this setting (the CLI maps it to its flag).</summary>
    public const string Setting = "lrClock";

    /// <summary>Progress = epochs done.</summary>
    public static readonly LrClockKind Epochs = new("epochs", LearningRateClock.Epoch);

    /// <summary>Progress = share of the run's own images seen.</summary>
    public static readonly LrClockKind Images = new("images", LearningRateClock.ImagesSeen);

    /// <summary>Every clock, in the order help text lists them.</summary>
    public static IReadOnlyList<LrClockKind> All { get; } = [Epochs, Images];

    private readonly string _name;

    private LrClockKind(string name, LearningRateClock clock) => (_name, Clock) = (name, clock);

    /// <summary>The selection library's clock this name stands for.</summary>
    public LearningRateClock Clock { get; }

    /// <summary>The clock named by <paramref name="text"/> (trimmed, any case).</summary>
    public static LrClockKind Parse(string text) => Choices.Parse(text, All, Setting);

    /// <summary>The canonical name, e.g. "epochs".</summary>
    public override string ToString() => _name;
}
