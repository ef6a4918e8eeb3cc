using OperatorOne.Data.Members;

namespace OperatorOne.Data.Approvals;

public sealed class ApprovalRequest
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Short per-organization number, easy to say on the phone: "approval 7".</summary>
    public int Number { get; set; }
    public required string Tool { get; set; }

    /// <summary>The tool's arguments as a JSON object, run unchanged when approved.</summary>
    public required string Arguments { get; set; }

    /// <summary>One line for people: "Delete ticket #12 (Printer jammed)".</summary>
    public required string Summary { get; set; }
    public Guid RequestedById { get; set; }
    public Guid? RequestedInConversationId { get; set; }
    public MemberRole RequiredRole { get; set; }
    public ApprovalStatus Status { get; set; }
    public Guid? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>What running the tool said, or why it failed.</summary>
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
