using System.Text.Json;
using System.Text.Json.Nodes;

namespace OperatorOne.Channels.Slack;

/// <summary>Reading Slack's JSON defensively: a field of the wrong type is as good as absent.</summary>
internal static class SlackJson
{
    public static string? String(JsonObject? json, string property) =>
        json?[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static JsonObject? Object(JsonObject? json, string property) => json?[property] as JsonObject;
}
