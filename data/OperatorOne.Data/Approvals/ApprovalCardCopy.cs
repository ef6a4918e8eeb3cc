namespace OperatorOne.Data.Approvals;

/// <summary>One delivered copy of an approval card, so every copy can be updated in place after the decision.</summary>
public sealed class ApprovalCardCopy
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ApprovalRequestId { get; set; }
    public Guid ConversationId { get; set; }

    /// <summary>The channel's id for the sent card; null until the outbox has delivered it.</summary>
    public string? ActivityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
