namespace OperatorOne.Data.Approvals;

/// <summary>One delivered copy of an approval card, so every copy can be updated in place after the decision.</summary>
public sealed class ApprovalCardCopy
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ApprovalRequestId { get; set; }

    /// <summary>The channel the copy went out on (its updates follow it there).</summary>
    public required string Channel { get; set; }

    /// <summary>The conversation the copy went to; null until the outbox has opened one with an approver the bot never talked to.</summary>
    public Guid? ConversationId { get; set; }

    /// <summary>The channel's id for the sent card; null until the outbox has delivered it.</summary>
    public string? ActivityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
