using System.Text.Json.Serialization;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.Slack;

internal enum SlackWorkKind
{
    /// <summary>A DM or mention: replies go to the conversation through the outbox.</summary>
    Message,

    /// <summary>A button click: the reply goes to the clicker only, through response_url.</summary>
    Interaction,

    /// <summary>A slash command: the reply is the HTTP answer when ready in time, else a response_url follow-up.</summary>
    Command,
}

/// <summary>One verified inbound Slack request, ready to become a turn.</summary>
internal sealed record SlackWork
{
    public required SlackWorkKind Kind { get; init; }
    public required string TeamId { get; init; }
    public required InboundTurn Turn { get; init; }

    /// <summary>Where replies to a channel mention go: the thread it started or belongs to.</summary>
    public string? ThreadTs { get; init; }
    public Uri? ResponseUrl { get; init; }

    /// <summary>Files shared with the message, downloaded by the worker just before the turn runs.</summary>
    public IReadOnlyList<SlackFile> Files { get; init; } = [];

    /// <summary>The slash command's waiting HTTP answer; only in the replica that received it, never stored.</summary>
    [JsonIgnore]
    public InlineAnswer? Inline { get; init; }
}
