namespace OperatorOne.Data.WebChat;

/// <summary>
/// One entry of a conversation's activity log, in the order clients receive it. A card update is a new entry
/// carrying the original <see cref="ActivityId"/>: Web Chat replaces the rendered activity with the same id.
/// </summary>
public sealed class DirectLineActivity
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ConversationId { get; set; }

    /// <summary>Position in the conversation, 1, 2, 3…; the Direct Line watermark.</summary>
    public int Sequence { get; set; }
    public required string ActivityId { get; set; }

    /// <summary>Web Chat's channelData.clientActivityID of a posted activity: the idempotency key of a re-post.</summary>
    public string? ClientActivityId { get; set; }

    /// <summary>The activity exactly as clients receive it; raw JSON.</summary>
    public required string Activity { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
