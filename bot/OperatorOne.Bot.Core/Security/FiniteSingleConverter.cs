using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperatorOne.Bot.Core.Security;

/// <summary>The float twin of <see cref="FiniteDoubleConverter"/>: NaN, Infinity and values beyond float's range are refused.</summary>
public sealed class FiniteSingleConverter : JsonConverter<float>
{
    public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetSingle(out var number) ? number : float.NaN,
            JsonTokenType.String => float.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : float.NaN,
            _ => float.NaN,
        };
        return float.IsFinite(value) ? value : throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
