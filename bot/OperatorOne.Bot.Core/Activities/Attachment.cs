using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OperatorOne.Bot.Core.Activities;

public sealed record Attachment
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public required string ContentType { get; init; }
    public JsonNode? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static Attachment AdaptiveCard(JsonObject card) => new() { ContentType = AdaptiveCardType, Content = card };
}
