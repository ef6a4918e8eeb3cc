using OperatorOne.Data.Tickets;

namespace OperatorOne.Data.ServiceDesk;

/// <summary>Targets for one priority, counted in business time.</summary>
public sealed class SlaPolicy
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public TicketPriority Priority { get; set; }
    public TimeSpan FirstResponse { get; set; }
    public TimeSpan Resolution { get; set; }
}
