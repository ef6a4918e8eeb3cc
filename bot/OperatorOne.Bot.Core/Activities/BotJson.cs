using System.Text.Json;
using System.Text.Json.Serialization;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Bot.Core.Activities;

/// <summary>The one JSON shape of the Bot Framework wire: camelCase, nulls omitted, enums as strings.</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        FiniteNumbers.AddTo(options.Converters);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
