using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Skills.Integrations;

/// <summary>A custom tool's arguments: checked against its schema, then placed in the URL (escaped) or the query or body.</summary>
internal static class CustomToolArguments
{
    private const int MaxValueLength = 2000;

    /// <summary>The arguments the schema declares, as JSON; undeclared ones are dropped.</summary>
    public static JsonObject Read(AIFunctionArguments arguments, JsonObject schema)
    {
        var declared = CustomToolRules.Declared(schema);
        var values = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            if (declared.Contains(name) && value is not null)
            {
                values[name] = value is JsonElement element ? JsonNode.Parse(element.GetRawText()) : JsonSerializer.SerializeToNode(value);
            }
        }
        return values;
    }

    /// <summary>Why the values do not fit the schema, or null: types, allowed values, required ones, length.</summary>
    public static string? Problem(JsonObject values, JsonObject schema)
    {
        var properties = schema["properties"] as JsonObject ?? [];
        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
        {
            if (values[required] is null)
            {
                return $"I need the {required.Replace('_', ' ')}.";
            }
        }
        foreach (var (name, value) in values)
        {
            var property = properties[name] as JsonObject;
            var type = property?["type"]?.GetValue<string>();
            var text = Text(value);
            var ok = type switch
            {
                "integer" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                "number" => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                "boolean" => text is "true" or "false",
                _ => text.Length <= MaxValueLength,
            };
            if (!ok)
            {
                return $"The {name.Replace('_', ' ')} must be {(type is "integer" ? "a whole number" : type is "number" ? "a number" : type is "boolean" ? "true or false" : $"at most {MaxValueLength} characters")}.";
            }
            if (property?["enum"] is JsonArray choices && !choices.Any(c => c?.GetValue<string>() == text))
            {
                return $"The {name.Replace('_', ' ')} must be one of: {string.Join(", ", choices.Select(c => c?.GetValue<string>()))}.";
            }
        }
        return null;
    }

    /// <summary>The URL with placeholders filled (each value escaped, so it cannot add a path or a query); the names it used.</summary>
    public static (Uri Url, HashSet<string> Used) Url(string template, JsonObject values, bool queryForRest)
    {
        var used = new HashSet<string>();
        var url = template;
        foreach (var slot in Utterance.Slots(template).Distinct())
        {
            url = url.Replace($"{{{slot}}}", Uri.EscapeDataString(values[slot] is { } v ? Text(v) : ""), StringComparison.Ordinal);
            used.Add(slot);
        }
        if (queryForRest)
        {
            var rest = values.Where(v => !used.Contains(v.Key) && v.Value is not null).ToList();
            if (rest.Count > 0)
            {
                url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?")
                    + string.Join('&', rest.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(Text(v.Value!))}"));
            }
        }
        return (new Uri(url), used);
    }

    public static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };
}
