using System.Text.Json;
using System.Text.Json.Serialization;
using LessData.Selection;

namespace LessData.Runs;

/// <summary>run.json writes a schedule as its canonical spec ("step:0.25@0.5") and reads it back through the parser.</summary>
internal sealed class ScheduleJsonConverter : JsonConverter<ISchedule>
{
    public override ISchedule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Schedules.Parse(reader.GetString() ?? "full");

    public override void Write(Utf8JsonWriter writer, ISchedule value, JsonSerializerOptions options) => writer.WriteStringValue(value.Spec);
}

/// <summary>run.json writes a selector as its canonical spec ("loss:hard=0.5,unbiased") and reads it back through the parser.</summary>
internal sealed class SelectorJsonConverter : JsonConverter<ISelector>
{
    public override ISelector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Selectors.Parse(reader.GetString() ?? "random");

    public override void Write(Utf8JsonWriter writer, ISelector value, JsonSerializerOptions options) => writer.WriteStringValue(value.Spec);
}
