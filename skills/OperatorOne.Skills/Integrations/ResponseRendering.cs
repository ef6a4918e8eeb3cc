using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// A custom tool's answer as the caller sees it: the definition's template and card filled from the JSON answer
/// ({path} reads a field, e.g. {order.status} or {items.0.name}), or else the answer's fields or text — always plain text.
/// </summary>
internal static partial class ResponseRendering
{
    private const int MaxFields = 20;

    public static ToolResult Render(string toolDescription, byte[] body, string? contentType, JsonObject? format)
    {
        var text = Encoding.UTF8.GetString(body);
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: shown as text.
        }
        var template = format?["template"]?.GetValue<string>();
        var said = template is not null ? Fill(template, json)
            : json is not null ? Fields(toolDescription, json)
            : PlainText.From(text) is { Length: > 0 } plain ? plain
            : $"{toolDescription.TrimEnd('.')}: done.";
        var result = new ToolResult(said);
        if (format?["card"] is JsonObject card)
        {
            var facts = (card["facts"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(f => (Fill(f["title"]!.GetValue<string>(), json), Fill(f["value"]!.GetValue<string>(), json)))
                .ToArray();
            var heading = card["title"]?.GetValue<string>() is { } title ? Fill(title, json) : toolDescription;
            result = result with { Card = AdaptiveCard.Create([AdaptiveCard.Heading(heading), AdaptiveCard.Facts(facts)], []) };
        }
        return result;
    }

    /// <summary>"Order {id} is {status}" with each {path} read from the answer; a missing field reads "—".</summary>
    public static string Fill(string template, JsonNode? json) =>
        PlainText.From(Placeholder().Replace(template, m => Value(json, m.Groups[1].Value) is { } value ? value : "—"), 2000);

    private static string? Value(JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            node = node switch
            {
                JsonObject o => o[step],
                JsonArray a when int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }
        return node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>Without a template: the answer's simple fields, one per line.</summary>
    private static string Fields(string toolDescription, JsonNode json)
    {
        var fields = json switch
        {
            JsonObject o => o.Where(p => p.Value is JsonValue).Select(p => $"{p.Key}: {CustomToolArguments.Text(p.Value)}").Take(MaxFields).ToList(),
            JsonArray a => a.Take(MaxFields).Select(item => item is JsonValue ? CustomToolArguments.Text(item)
                : item is JsonObject o ? string.Join(", ", o.Where(p => p.Value is JsonValue).Take(6).Select(p => $"{p.Key}: {CustomToolArguments.Text(p.Value)}"))
                : "…").ToList(),
            JsonValue v => [CustomToolArguments.Text(v)],
            _ => [],
        };
        if (fields.Count == 0)
        {
            return $"{toolDescription.TrimEnd('.')}: done.";
        }
        return PlainText.From($"{toolDescription.TrimEnd('.')}:", 300) + "\n" + string.Join('\n', fields.Select(f => "- " + PlainText.From(f, 300)));
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_.\-]+)\}", RegexOptions.None, 200)]
    private static partial Regex Placeholder();
}
