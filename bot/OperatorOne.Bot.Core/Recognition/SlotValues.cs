using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>Turns a captured word into the JSON value a tool parameter's schema expects, or says why it can't.</summary>
public static partial class SlotValues
{
    public static (JsonNode? Value, string? Problem) Convert(RegisteredTool tool, string parameter, string raw, DateTimeOffset now) =>
        Convert(tool, parameter, raw, now, TimeZoneInfo.Utc);

    /// <summary>As above, reading dates ("tomorrow at 3pm") as wall-clock time in the speaker's <paramref name="zone"/>.</summary>
    public static (JsonNode? Value, string? Problem) Convert(RegisteredTool tool, string parameter, string raw, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (tool.ParameterSchema(parameter) is not { } schema)
        {
            return (null, $"'{parameter}' is not something {tool.Name} takes.");
        }
        raw = raw.Trim();
        if (schema.TryGetProperty("enum", out var choices))
        {
            var options = choices.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToList();
            var chosen = options.FirstOrDefault(o => string.Equals(o, raw.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
            return chosen is null ? (null, $"Please say one of: {string.Join(", ", options)}.") : (JsonValue.Create(chosen), null);
        }
        return TypeOf(schema) switch
        {
            "integer" => int.TryParse(raw.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? (JsonValue.Create(number), null) : (null, "Please give me a number, like 12."),
            "number" => decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? (JsonValue.Create(amount), null) : (null, "Please give me a number."),
            "boolean" => ReadYesNo(raw) is { } flag ? (JsonValue.Create(flag), null) : (null, "Please answer yes or no."),
            _ when IsDateTime(schema) => NaturalDates.Parse(raw, now, zone, past: PointsBack.Contains(parameter)) is { } when
                ? (JsonValue.Create(when.ToString("o", CultureInfo.InvariantCulture)), null)
                : (null, "I didn't get that date. Try 'tomorrow at 3pm' or '2026-12-01 14:00'."),
            // "add 1 May 2026 as a holiday": a day a pattern captured in words is written the way the parameter asks.
            _ when IsDayText(schema) && !IsoDay().IsMatch(raw) && TypedSlots.Date(raw, now, zone) is { } day && NaturalDates.Parse(day.Value, now, zone) is { } date
                => (JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null),
            _ => raw.Length == 0 ? (null, "Please say a bit more.") : (JsonValue.Create(raw), null),
        };
    }

    /// <summary>Date parameters that bound what has already happened: "audit log since 1 January" is the January just gone.</summary>
    private static readonly HashSet<string> PointsBack = new(StringComparer.Ordinal) { "since" };

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    private static bool IsDayText(JsonElement schema) =>
        schema.TryGetProperty("description", out var d) && (d.GetString() ?? "").Contains("YYYY-MM-DD", StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDay();

    private static bool IsDateTime(JsonElement schema) =>
        schema.TryGetProperty("format", out var format) && format.GetString() is "date-time" or "date";

    private static bool? ReadYesNo(string raw) => raw.ToLowerInvariant() switch
    {
        "yes" or "y" or "true" or "yep" or "sure" or "ok" or "internal" => true,
        "no" or "n" or "false" or "nope" or "public" => false,
        _ => null,
    };
}
