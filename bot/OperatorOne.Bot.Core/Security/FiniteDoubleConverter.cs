using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// Numbers must be finite: "NaN" and "Infinity" (which reading numbers from strings would otherwise accept) and
/// overflowing literals are refused while binding, so they never reach a setting or the database.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDouble(out var number) ? number : double.NaN,
            JsonTokenType.String => double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN,
            _ => double.NaN,
        };
        return double.IsFinite(value) ? value : throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
