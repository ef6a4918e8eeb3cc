namespace OperatorOne.Data.Conversations;

/// <summary>An open slot-filling dialog: which tool, the slots so far, and which slot we asked for.</summary>
public sealed class DialogState
{
    public Guid ConversationId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Tool { get; set; }

    /// <summary>Slots collected so far, as a JSON object.</summary>
    public required string Slots { get; set; }
    public required string AwaitingSlot { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
