using System.Text.Json;
using System.Text.Json.Serialization;

namespace LessData.Selection;

/// <summary>The saved form of a <see cref="SelectionStage"/>: JSON with the canonical specs, the position and the scores.</summary>
internal sealed record SelectionStageState(
    int Format, string Schedule, string Selector, int TrainSize, int Epochs, int Seed, SubsetPolicy Policy, bool Stratify,
    int[]? Labels, int NextEpoch, long CountedEvaluations, bool AwaitingScores, float[] Scores)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(Stream stream, SelectionStageState state)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, state, s_json);
    }

    public static SelectionStageState Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SelectionStageState? state;
        try
        {
            state = JsonSerializer.Deserialize<SelectionStageState>(stream, s_json);
        }
        catch (JsonException e)
        {
            throw new SelectionException("state", $"not a saved selection stage ({e.Message})");
        }
        if (state is null || state.Scores is null || state.Schedule is null || state.Selector is null)
            throw new SelectionException("state", "not a saved selection stage (fields missing)");
        if (state.Format != CurrentFormat)
            throw new SelectionException("state", $"saved selection stage format {state.Format}; this version reads format {CurrentFormat}");
        return state;
    }
}
