using System.Text.Json.Nodes;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>A tool picked by a recognizer (built-in or LLM) with its arguments.</summary>
public sealed record ToolCall(string Tool, JsonObject Arguments)
{
    public int? IntArgument(string name) =>
        Arguments[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number
        : Arguments[name] is JsonValue text && text.TryGetValue<string>(out var s) && int.TryParse(s.TrimStart('#'), out var parsed) ? parsed
        : null;

    public string? StringArgument(string name) =>
        Arguments[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : Arguments[name]?.ToJsonString();
}
