using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperatorOne.Bot.Core.Activities;

public sealed record ConversationAccount
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
