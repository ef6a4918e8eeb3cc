namespace OperatorOne.Data.Audit;

public sealed class AuditEvent
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? MemberId { get; set; }
    public Guid? ConversationId { get; set; }

    /// <summary>What happened: tool_call, approval_requested, approval_decided, admin_call, llm_call …</summary>
    public required string Kind { get; set; }
    public string? Tool { get; set; }

    /// <summary>Arguments as JSON; secrets are recorded as used, never by value.</summary>
    public string? Arguments { get; set; }

    /// <summary>ok, refused, denied, awaiting_approval, failed …</summary>
    public required string Outcome { get; set; }
    public string? Detail { get; set; }
    public int DurationMs { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
