using System.Text.Json;
using System.Text.Json.Nodes;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// A button on the "did you mean…" card: the tool, the slots read for it, and the miss it answers. Its data comes
/// back from the client, so it is only ever a request: the executor checks role and tier as for a typed command.
/// </summary>
public sealed record ToolChoice(string Tool, JsonObject Arguments, Guid? MissId)
{
    public const string Key = "chooseTool";

    public JsonObject ToData()
    {
        var data = new JsonObject { [Key] = Tool, ["arguments"] = Arguments.DeepClone() };
        if (MissId is { } id)
        {
            data["missId"] = id.ToString();
        }
        return data;
    }

    /// <summary>A card action's data, or null when it is not a choice of ours (or is malformed).</summary>
    public static ToolChoice? TryRead(JsonNode? value)
    {
        if (value is not JsonObject data || data[Key] is not JsonValue tool || tool.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }
        var name = tool.GetValue<string>();
        if (name.Length is 0 or > 100)
        {
            return null;
        }
        var arguments = data["arguments"] as JsonObject ?? [];
        Guid? miss = data["missId"] is JsonValue m && m.GetValueKind() == JsonValueKind.String && Guid.TryParse(m.GetValue<string>(), out var id) ? id : null;
        return new ToolChoice(name, (JsonObject)arguments.DeepClone(), miss);
    }
}
