namespace OperatorOne.Data.Conversations;

public sealed class TranscriptMessage
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ConversationId { get; set; }
    public MessageDirection Direction { get; set; }
    public Guid? MemberId { get; set; }
    public string? ActivityId { get; set; }
    public string Text { get; set; } = "";

    /// <summary>The whole activity as JSON, so nothing the channel sent is lost.</summary>
    public required string Activity { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
