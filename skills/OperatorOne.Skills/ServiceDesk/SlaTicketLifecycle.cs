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

    public async Task<string> PriorityChangedAsync(OperatorOneDb db, Ticket ticket, DateTimeOffset now, TimeZoneInfo readerZone, CancellationToken cancellationToken)
    {
        var sla = await ServiceLevels.UpdateAsync(db, ticket, ticket.Status, now, cancellationToken);
        return sla.ResolutionDueAt is { } at && ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed)
            ? $" Resolution is now due by {SlaText.When(at, readerZone)}." : "";
    }
}
