using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OperatorOne.Bot.Core.Activities;

/// <summary>
/// The internal message: a subset of the Bot Framework Activity schema. Unknown fields are kept in
/// <see cref="Extra"/> so an activity read from a channel can be written back without losing anything.
/// </summary>
public sealed record Activity
{
    public required string Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Speak { get; init; }
    public string? InputHint { get; init; }
    public string? Name { get; init; }
    public JsonNode? Value { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<JsonObject>? Entities { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public string? ReplyToId { get; init; }
    public string? Locale { get; init; }
    public JsonObject? ChannelData { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
