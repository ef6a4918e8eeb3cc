using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Bot.Core.Turns;

public sealed record TurnResult(TurnStatus Status, IReadOnlyList<Activity> Replies)
{
    public Guid? OrganizationId { get; init; }
    public Guid? ConversationId { get; init; }

    /// <summary>Outbox rows of this turn's replies that this replica claimed in the turn, to deliver right after the commit.</summary>
    public IReadOnlyList<ClaimedReply> Deliveries { get; init; } = [];

    public static TurnResult Duplicate { get; } = new(TurnStatus.Duplicate, []);
    public static TurnResult UnknownInstallation { get; } = new(TurnStatus.UnknownInstallation, []);
    public static TurnResult UnknownConversation { get; } = new(TurnStatus.UnknownConversation, []);
}

public enum TurnStatus
{
    Processed,

    /// <summary>This delivery was taken in before; acknowledge it and do nothing.</summary>
    Duplicate,

    /// <summary>No organization is installed for this channel installation.</summary>
    UnknownInstallation,

    /// <summary>The caller or organization is over its rate limit; the replies say so.</summary>
    RateLimited,

    /// <summary>The channel's own conversation (a web chat's Direct Line conversation) is not the installation's: nothing ran.</summary>
    UnknownConversation,
}

/// <summary>
/// An outbox row a turn claimed for this replica, with what sending it needs when the turn already holds it: the
/// activity as stored and the conversation's reference (null when the row must be read back, as for a card whose copy
/// records where it went).
/// </summary>
public sealed record ClaimedReply(long Id, string Channel, string Activity, string? Reference);
