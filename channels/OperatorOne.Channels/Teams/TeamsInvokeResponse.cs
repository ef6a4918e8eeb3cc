using System.Text.Json.Nodes;

namespace OperatorOne.Channels.Teams;

/// <summary>The body Teams expects back from an adaptiveCard/action invoke; the card replaces the clicker's copy.</summary>
internal sealed record TeamsInvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public static TeamsInvokeResponse Card(JsonObject card) => new(200, "application/vnd.microsoft.card.adaptive", card);

    /// <summary>A line shown to the clicker; their card stays as it was.</summary>
    public static TeamsInvokeResponse Message(string text) => new(200, "application/vnd.microsoft.activity.message", JsonValue.Create(text));

    public static TeamsInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, "application/vnd.microsoft.error", new JsonObject { ["code"] = code, ["message"] = message });
}
