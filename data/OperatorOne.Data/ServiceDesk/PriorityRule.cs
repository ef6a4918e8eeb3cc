using OperatorOne.Data.Tickets;

namespace OperatorOne.Data.ServiceDesk;

/// <summary>A triage rule: a ticket whose text mentions <see cref="Keyword"/> is suggested <see cref="Priority"/>.</summary>
public sealed class PriorityRule
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Keyword { get; set; }
    public TicketPriority Priority { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
