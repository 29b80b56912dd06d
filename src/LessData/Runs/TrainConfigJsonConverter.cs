using System.Text.Json;
using System.Text.Json.Serialization;
using LessData.Data;
using LessData.Models;
using LessData.Selection;
using LessData.Training;

namespace LessData.Runs;

/// <summary>
/// Reads a run's config in both shapes: today's {experiment, environment}, and the flat shape that stores and run.json
/// files written before the split hold (so committed stores still report). Always writes today's shape.
/// </summary>
internal sealed class TrainConfigJsonConverter : JsonConverter<TrainConfig>
{
    private sealed record Shape(ExperimentConfig Experiment, RunEnvironment Environment);

    private sealed record Flat(
        DatasetSpec Dataset, string? DataDir, ISchedule Schedule, ISelector Selector, SubsetPolicy? Subset, bool Stratify, ModelSpec Model,
        int Epochs, int BatchSize, int Seed, int? TrainLimit, int? TestLimit, bool Augment, double LearningRate, double LrDecay,
        double LrFloor, double EmaDecay, string Device, int Threads, double CarbonGramsPerKwh, double DevicePowerWatts, bool TensorBoard);

    public override TrainConfig Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(Name("experiment", options), out _))
        {
            var shape = root.Deserialize<Shape>(options) ?? throw new JsonException("empty config");
            return new TrainConfig { Experiment = shape.Experiment, Environment = shape.Environment };
        }
        var f = root.Deserialize<Flat>(options) ?? throw new JsonException("empty config");
        return new TrainConfig
        {
            Experiment = new ExperimentConfig
            {
                Dataset = f.Dataset, TrainLimit = f.TrainLimit, TestLimit = f.TestLimit, Schedule = f.Schedule, Selector = f.Selector,
                Subset = f.Subset, Stratify = f.Stratify, Model = f.Model, Epochs = f.Epochs, BatchSize = f.BatchSize, Seed = f.Seed,
                Augment = f.Augment, LearningRate = f.LearningRate, LrDecay = f.LrDecay, LrFloor = f.LrFloor, EmaDecay = f.EmaDecay,
            },
            Environment = new RunEnvironment
            {
                DataDir = f.DataDir, Device = f.Device, Threads = f.Threads, CarbonGramsPerKwh = f.CarbonGramsPerKwh,
                DevicePowerWatts = f.DevicePowerWatts, TensorBoard = f.TensorBoard,
            },
        };
    }

    public override void Write(Utf8JsonWriter writer, TrainConfig value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Shape(value.Experiment, value.Environment), options);

    private static string Name(string name, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(name) ?? name;
}
