using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>The service desk's part in a ticket's life: triage and the SLA clock when it opens, the clock when it changes.</summary>
internal sealed class SlaTicketLifecycle(DeskSettingsCache settings) : ITicketLifecycle
{
    public async Task<string> OpenedAsync(OperatorOneDb db, Ticket ticket, TimeZoneInfo readerZone, CancellationToken cancellationToken) =>
        TicketIntake.TriageAndStart(db, ticket, readerZone, await settings.ForAsync(db, ticket.OrganizationId, cancellationToken));

    public Task StatusChangedAsync(OperatorOneDb db, Ticket ticket, TicketStatus before, DateTimeOffset now, CancellationToken cancellationToken) =>
        ServiceLevels.UpdateAsync(db, ticket, before, now, cancellationToken);

    public async Task<string?> QueuedAsync(OperatorOneDb db, Ticket ticket, string queue, CancellationToken cancellationToken)
    {
        if (await DeskQueries.FindQueueAsync(db, queue, cancellationToken) is not { } found)
        {
            return null;
        }
        var sla = await db.TicketSlas.FirstOrDefaultAsync(s => s.TicketId == ticket.Id, cancellationToken)
            ?? await ServiceLevels.StartAsync(db, ticket, found.Id, cancellationToken);
        sla.QueueId = found.Id;
        return found.Name;
    }

    public async Task<string> PriorityChangedAsync(OperatorOneDb db, Ticket ticket, DateTimeOffset now, TimeZoneInfo readerZone, CancellationToken cancellationToken)
    {
        var sla = await ServiceLevels.UpdateAsync(db, ticket, ticket.Status, now, cancellationToken);
        return sla.ResolutionDueAt is { } at && ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed)
            ? $" Resolution is now due by {SlaText.When(at, readerZone)}." : "";
    }
}
