using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// What a channel adapter hands the core after it has verified the request: the activity, and the facts the
/// adapter vouches for (which installation, which user), never taken from unverified payload fields.
/// </summary>
public sealed record InboundTurn
{
    /// <summary>"webchat", "msteams", "slack", "voice".</summary>
    public required string Channel { get; init; }

    /// <summary>The channel's id for this delivery; a retry carries the same id and is processed once.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The installation's external id: web chat site, Teams tenant, Slack team, called number.</summary>
    public required string InstallationId { get; init; }

    /// <summary>The verified user id on the channel (from the token or signature, not from the body).</summary>
    public required string ChannelUserId { get; init; }
    public string? UserName { get; init; }
    public required Activity Activity { get; init; }
    public required ConversationReference Reference { get; init; }

    /// <summary>Whether the conversation is a 1:1 with this user, so proactive notices for them may go here.</summary>
    public bool IsPersonal { get; init; } = true;

    /// <summary>
    /// A channel's own step (a phone call's guided flow) run in place of the router, inside the same transaction,
    /// de-duplication and transcript as any other turn.
    /// </summary>
    public Func<Tools.ToolContext, CancellationToken, Task<IReadOnlyList<Reply>>>? Handler { get; init; }

    /// <summary>
    /// The channel's own writes for the replies (web chat's activity log), run inside the turn's transaction just
    /// before it commits: a crash can then never leave a reply in the transcript that the channel never shows.
    /// </summary>
    public Func<IReadOnlyList<Activity>, CancellationToken, Task>? BeforeCommit { get; init; }

    /// <summary>Files sent with the message, fetched by the adapter.</summary>
    public IReadOnlyList<InboundFile> Files { get; init; } = [];
}
