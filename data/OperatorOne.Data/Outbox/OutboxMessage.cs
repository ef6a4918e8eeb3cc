namespace OperatorOne.Data.Outbox;

public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The channel that delivers it.</summary>
    public required string Channel { get; set; }

    /// <summary>Where it goes; null until a conversation has been opened with <see cref="MemberId"/> on <see cref="Channel"/>, and for a webhook delivery.</summary>
    public Guid? ConversationId { get; set; }

    /// <summary>For a message to someone the bot has no conversation with yet: the member to open one with.</summary>
    public Guid? MemberId { get; set; }

    /// <summary>The subscription a <see cref="OutboxKind.Webhook"/> delivery goes to.</summary>
    public Guid? WebhookSubscriptionId { get; set; }
    public OutboxKind Kind { get; set; }

    /// <summary>The outbound activity as JSON; for a webhook delivery, the event as it is posted.</summary>
    public required string Activity { get; set; }

    /// <summary>For updates: the card copy whose delivered activity is replaced.</summary>
    public Guid? CardCopyId { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>The replica delivering it; a claim by a replica that stopped beating counts as none.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? LastError { get; set; }
    public string? SentActivityId { get; set; }

    /// <summary>Set on a notice sent by email because its chat could not take it: the outbox message it stands in for (now <see cref="OutboxStatus.Rerouted"/>).</summary>
    public long? ReroutedFromId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
