using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.Slack;

internal enum SlackWorkKind
{
    /// <summary>A DM or mention: replies go to the conversation (a mention's thread).</summary>
    Message,

    /// <summary>A button click: the reply goes to the clicker only, through response_url.</summary>
    Interaction,

    /// <summary>A slash command: the reply is the HTTP answer when ready in time, else a response_url follow-up.</summary>
    Command,
}

/// <summary>One verified inbound Slack request, ready to become a turn. Pure.</summary>
internal sealed record SlackWork
{
    public required SlackWorkKind Kind { get; init; }
    public required string TeamId { get; init; }
    public required InboundTurn Turn { get; init; }

    /// <summary>Where replies to a channel mention go: the thread it started or belongs to.</summary>
    public string? ThreadTs { get; init; }
    public Uri? ResponseUrl { get; init; }

    /// <summary>Files shared with the message, downloaded just before the turn runs (<see cref="SlackPreparation"/>).</summary>
    public IReadOnlyList<SlackFile> Files { get; init; } = [];

    /// <summary>The channel data replies carry so <see cref="SlackSender"/> routes them: a thread, or the clicker's response_url.</summary>
    public const string ResponseUrlKey = "response_url";

    public const string FilesKey = "files";

    /// <summary>The core's turn: replies routed by their channel data, the files' descriptions kept on the activity for the download.</summary>
    public InboundTurn ToTurn()
    {
        var route = new JsonObject();
        if (ThreadTs is not null)
        {
            route["thread_ts"] = ThreadTs;
        }
        if (Kind != SlackWorkKind.Message && ResponseUrl is not null)
        {
            route[ResponseUrlKey] = ResponseUrl.AbsoluteUri;
        }
        var activity = Turn.Activity;
        if (Files.Count > 0)
        {
            var data = activity.ChannelData?.DeepClone() as JsonObject ?? [];
            data[FilesKey] = JsonSerializer.SerializeToNode(Files, BotJson.Options);
            activity = activity with { ChannelData = data };
        }
        return Turn with
        {
            Activity = activity,
            ReplyChannelData = route.Count == 0 ? null : route,
            AnswerInResponse = Kind == SlackWorkKind.Command,
        };
    }

    /// <summary>The file descriptions a turn carries on its activity.</summary>
    public static IReadOnlyList<SlackFile> FilesOf(InboundTurn turn) =>
        turn.Activity.ChannelData?[FilesKey] is JsonArray files ? files.Deserialize<List<SlackFile>>(BotJson.Options) ?? [] : [];
}
