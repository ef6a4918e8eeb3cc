using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperatorOne.Bot.Core.Activities;

public sealed record ChannelAccount
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
