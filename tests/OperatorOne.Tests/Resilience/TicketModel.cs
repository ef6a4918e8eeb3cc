using System.Text.Json.Nodes;

namespace OperatorOne.Tests.Resilience;

/// <summary>
/// What the OpenAI stand-in answers in the replica-kill test, like a model reading its prompt: "open a ticket: X" calls
/// create_ticket with the title X; a tool's result comes back as "Done: …"; anything else is a plain sentence.
/// </summary>
internal static class TicketModel
{
    public const string Prefix = "open a ticket: ";
    public const string DonePrefix = "Done: ";

    private static int _calls;

    public static JsonObject Answer(JsonObject request)
    {
        var last = request["messages"]?.AsArray().LastOrDefault() as JsonObject ?? [];
        var content = Text(last["content"]);
        if (last["role"]?.GetValue<string>() == "tool")
        {
            return new JsonObject { ["role"] = "assistant", ["content"] = DonePrefix + content };
        }
        if (!content.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return new JsonObject { ["role"] = "assistant", ["content"] = "I can open tickets." };
        }
        return new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = $"call_kill_{Interlocked.Increment(ref _calls)}",
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = "create_ticket",
                    ["arguments"] = new JsonObject { ["title"] = content[Prefix.Length..].Trim() }.ToJsonString(),
                },
            }),
        };
    }

    /// <summary>A message's content: a string, or parts of which the text ones count.</summary>
    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value => value.ToString(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.ToString() ?? "")),
        _ => "",
    };
}
