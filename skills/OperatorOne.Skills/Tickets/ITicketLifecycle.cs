using OperatorOne.Data;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.Tickets;

/// <summary>
/// What happens elsewhere when a ticket opens or changes (the service desk triages it and moves its SLA clock), in the
/// ticket tool's unit of work. The service desk builds on tickets, so tickets call it through this and never by name.
/// Each method returns a sentence for the reply ("Resolution is due by …"), empty when there is nothing to add.
/// </summary>
public interface ITicketLifecycle
{
    Task<string> OpenedAsync(OperatorOneDb db, Ticket ticket, TimeZoneInfo readerZone, CancellationToken cancellationToken);

    Task StatusChangedAsync(OperatorOneDb db, Ticket ticket, TicketStatus before, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>"Assign 4 to IT": puts the ticket in the support queue of that name; the queue's name as stored, or null when there is none.</summary>
    Task<string?> QueuedAsync(OperatorOneDb db, Ticket ticket, string queue, CancellationToken cancellationToken);

    Task<string> PriorityChangedAsync(OperatorOneDb db, Ticket ticket, DateTimeOffset now, TimeZoneInfo readerZone, CancellationToken cancellationToken);
}
