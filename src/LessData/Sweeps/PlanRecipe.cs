using System.Text.Json;
using LessData.Augmentation;
using LessData.Data;
using LessData.Data.Folders;
using LessData.Models;
using LessData.Selection;
using LessData.Training;

namespace LessData.Sweeps;

/// <summary>
/// A plan file's "recipe": settings of the experiment applied over the profile (and under the command line's flags).
/// Its keys are the recipe flags' names in camelCase (lr, lrSchedule, weightDecay, trainLimit, …); JSON strings for
/// specs, numbers, booleans, and null for a setting whose absence means "none" or "inferred" (e.g. "trainLimit": null
/// trains on the whole split). Unknown keys and values of the wrong kind are rejected when the file is read.
/// </summary>
internal sealed class PlanRecipe
{
    private enum Kind { Text, Real, Whole, Flag }

    /// <summary>Each key, the kind of value it takes, and whether null is allowed.</summary>
    private static readonly Dictionary<string, (Kind Kind, bool Nullable)> s_keys = new(StringComparer.Ordinal)
    {
        ["dataset"] = (Kind.Text, false), ["model"] = (Kind.Text, false), ["optimizer"] = (Kind.Text, false),
        ["lr"] = (Kind.Real, false), ["momentum"] = (Kind.Real, false), ["nesterov"] = (Kind.Flag, false),
        ["weightDecay"] = (Kind.Real, false), ["lrSchedule"] = (Kind.Text, false), ["warmup"] = (Kind.Real, false),
        ["lrClock"] = (Kind.Text, false), ["augment"] = (Kind.Text, true), ["noAugment"] = (Kind.Flag, false),
        ["imageSize"] = (Kind.Text, true), ["channels"] = (Kind.Whole, true), ["testSplit"] = (Kind.Real, true),
        ["selector"] = (Kind.Text, false), ["unbiased"] = (Kind.Flag, false), ["targetFraction"] = (Kind.Real, true),
        ["subset"] = (Kind.Text, true), ["stratify"] = (Kind.Flag, false), ["epochs"] = (Kind.Whole, false),
        ["batchSize"] = (Kind.Whole, false), ["seed"] = (Kind.Whole, false), ["trainLimit"] = (Kind.Whole, true),
        ["testLimit"] = (Kind.Whole, true), ["finalWindow"] = (Kind.Whole, false),
    };

    /// <summary>The keys a recipe may hold (the recipe flags in camelCase), in the order help lists them.</summary>
    public static IReadOnlyCollection<string> Keys => s_keys.Keys;

    /// <summary>No settings: the built-in plans.</summary>
    public static PlanRecipe None { get; } = new("", new Dictionary<string, JsonElement>());

    private readonly string _path;
    private readonly IReadOnlyDictionary<string, JsonElement> _settings;

    private PlanRecipe(string path, IReadOnlyDictionary<string, JsonElement> settings) => (_path, _settings) = (path, settings);

    /// <summary>Checks every key and the kind of its value; the values are parsed when the recipe is applied.</summary>
    public static PlanRecipe Read(string path, IReadOnlyDictionary<string, JsonElement>? settings)
    {
        if (settings is null) return None;
        foreach (var (key, value) in settings)
        {
            if (!s_keys.TryGetValue(key, out var shape))
                throw new UserError($"{path}: unknown recipe key '{key}'; use one of {string.Join(", ", s_keys.Keys)}");
            bool fits = value.ValueKind switch
            {
                JsonValueKind.Null => shape.Nullable,
                JsonValueKind.String => shape.Kind == Kind.Text,
                JsonValueKind.Number => shape.Kind is Kind.Real || (shape.Kind == Kind.Whole && value.TryGetInt32(out _)) || key == "imageSize",
                JsonValueKind.True or JsonValueKind.False => shape.Kind == Kind.Flag,
                _ => false,
            };
            if (!fits)
                throw new UserError($"{path}: recipe key '{key}' takes {Describe(shape.Kind)}{(shape.Nullable ? " or null" : "")} (got {value.GetRawText()})");
        }
        return new PlanRecipe(path, settings);
    }

    /// <summary>The experiment with this recipe's settings in place of <paramref name="e"/>'s; every spec parsed here.</summary>
    public ExperimentConfig ApplyTo(ExperimentConfig e)
    {
        foreach (var (key, value) in _settings)
        {
            if (key is "selector" or "unbiased" or "targetFraction") continue;
            e = Wrapped(key, () => With(e, key, value));
        }
        if (_settings.ContainsKey("selector") || _settings.ContainsKey("unbiased") || _settings.ContainsKey("targetFraction"))
        {
            var current = e;
            e = Wrapped("selector", () => current with
            {
                Selector = Selectors.Parse(_settings.TryGetValue("selector", out var s) ? s.GetString() : current.Selector.Spec,
                    _settings.TryGetValue("unbiased", out var u) && u.GetBoolean(),
                    _settings.TryGetValue("targetFraction", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null),
            });
        }
        return e;
    }

    private static ExperimentConfig With(ExperimentConfig e, string key, JsonElement v) => key switch
    {
        "dataset" => e with { Dataset = DatasetSpec.Parse(v.GetString()!) },
        "model" => e with { Model = ModelSpec.Parse(v.GetString()!) },
        "optimizer" => e with { Optimizer = OptimizerKind.Parse(v.GetString()!) },
        "lr" => e with { LearningRate = v.GetDouble() },
        "momentum" => e with { Momentum = v.GetDouble() },
        "nesterov" => e with { Nesterov = v.GetBoolean() },
        "weightDecay" => e with { WeightDecay = v.GetDouble() },
        "lrSchedule" => e with { LrSchedule = LrScheduleKind.Parse(v.GetString()!) },
        "warmup" => e with { WarmupEpochs = v.GetDouble() },
        "lrClock" => e with { LrClock = LrClockKind.Parse(v.GetString()!) },
        "augment" => e with { Augmentation = AugmentationPipeline.ParseOrNull(Text(v)) },
        "noAugment" => e with { Augment = !v.GetBoolean() },
        "imageSize" => e with { ImageSize = ImageSize.ParseOrNull(Text(v)) },
        "channels" => e with { Channels = Whole(v) },
        "testSplit" => e with { TestSplit = v.ValueKind == JsonValueKind.Null ? null : v.GetDouble() },
        "subset" => e with { Subset = Schedules.ParsePolicy(Text(v)) },
        "stratify" => e with { Stratify = v.GetBoolean() },
        "epochs" => e with { Epochs = v.GetInt32() },
        "batchSize" => e with { BatchSize = v.GetInt32() },
        "seed" => e with { Seed = v.GetInt32() },
        "trainLimit" => e with { TrainLimit = Whole(v) },
        "testLimit" => e with { TestLimit = Whole(v) },
        "finalWindow" => e with { FinalWindow = v.GetInt32() },
        _ => throw new InvalidOperationException($"recipe key '{key}' has no setting"), // Read admits only the keys above
    };

    private ExperimentConfig Wrapped(string key, Func<ExperimentConfig> apply)
    {
        try { return apply(); }
        catch (UserError e) { throw new UserError($"{_path}: recipe key '{key}': {e.Message}"); }
        catch (SelectionException e) { throw new UserError($"{_path}: recipe key '{key}': {e.Message}"); }
    }

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => v.GetString(),
        _ => v.GetRawText(),
    };

    private static int? Whole(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetInt32();

    private static string Describe(Kind kind) => kind switch
    {
        Kind.Text => "a string",
        Kind.Real => "a number",
        Kind.Whole => "a whole number",
        _ => "true or false",
    };
}
