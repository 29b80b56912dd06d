using System.Text.Json;
using System.Text.Json.Serialization;

namespace LessData;

/// <summary>Writes a typed recipe value as its canonical text and reads it back through its parser.</summary>
internal sealed class SpecJsonConverter<T> : JsonConverter<T> where T : ISpec<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.Parse(reader.GetString() ?? throw new JsonException($"a {typeof(T).Name} must be a string"));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
