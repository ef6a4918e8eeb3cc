namespace OperatorOne.Data.Channels;

/// <summary>
/// A verified Slack request acknowledged to Slack and not yet run as a turn. Written before the 200, so an
/// acknowledged event survives a crash; any replica's worker claims it (SKIP LOCKED) and runs it once.
/// </summary>
public sealed class SlackInboxItem
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string TeamId { get; set; }

    /// <summary>Slack's id for the delivery (event_id, trigger_id): a retry of the same request is not stored twice.</summary>
    public required string DeliveryId { get; set; }

    /// <summary>The verified work as JSON.</summary>
    public required string Payload { get; set; }
    public SlackInboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

public enum SlackInboxStatus
{
    Pending,
    Done,

    /// <summary>Given up after repeated failures; the user was told.</summary>
    Failed,
}
