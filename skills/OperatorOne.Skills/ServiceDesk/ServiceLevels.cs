using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>The I/O around <see cref="SlaClock"/>: loads the organization's calendar and policy, keeps a ticket's <see cref="TicketSla"/> current.</summary>
internal static class ServiceLevels
{
    public static async Task<BusinessClock> ClockAsync(OperatorOneDb db, CancellationToken cancellationToken)
    {
        var hours = await db.BusinessHours.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var holidays = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        return BusinessClock.From(hours, holidays);
    }

    public static async Task<(TimeSpan FirstResponse, TimeSpan Resolution)> TargetsAsync(OperatorOneDb db, TicketPriority priority, CancellationToken cancellationToken)
    {
        var policy = await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Priority == priority, cancellationToken);
        return policy is null ? SlaDefaults.For(priority) : (policy.FirstResponse, policy.Resolution);
    }

    /// <summary>Starts the clock for a new ticket in <paramref name="queueId"/>.</summary>
    public static async Task<TicketSla> StartAsync(OperatorOneDb db, Ticket ticket, Guid? queueId, CancellationToken cancellationToken)
    {
        var sla = new TicketSla { TicketId = ticket.Id, OrganizationId = ticket.OrganizationId, QueueId = queueId };
        await RescheduleAsync(db, ticket, sla, cancellationToken);
        db.TicketSlas.Add(sla);
        return sla;
    }

    /// <summary>Starts the clock for a new ticket in <paramref name="queueId"/> with settings read already (<see cref="DeskSettingsCache"/>).</summary>
    public static TicketSla Start(OperatorOneDb db, Ticket ticket, Guid? queueId, DeskSettings settings)
    {
        var sla = new TicketSla { TicketId = ticket.Id, OrganizationId = ticket.OrganizationId, QueueId = queueId };
        var (firstResponse, resolution) = settings.Targets(ticket.Priority);
        SlaClock.Schedule(sla, ticket.CreatedAt, firstResponse, resolution, settings.Clock);
        db.TicketSlas.Add(sla);
        return sla;
    }

    /// <summary>After a status or priority change: pause, resume or record the first response, then move the targets.</summary>
    public static async Task<TicketSla> UpdateAsync(OperatorOneDb db, Ticket ticket, TicketStatus before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sla = await db.TicketSlas.FirstOrDefaultAsync(s => s.TicketId == ticket.Id, cancellationToken)
            ?? await StartAsync(db, ticket, null, cancellationToken);
        var clock = await ClockAsync(db, cancellationToken);
        SlaClock.Move(sla, before, ticket.Status, now, clock);
        await RescheduleAsync(db, ticket, sla, cancellationToken, clock);
        return sla;
    }

    private static async Task RescheduleAsync(OperatorOneDb db, Ticket ticket, TicketSla sla, CancellationToken cancellationToken, BusinessClock? clock = null)
    {
        clock ??= await ClockAsync(db, cancellationToken);
        var (firstResponse, resolution) = await TargetsAsync(db, ticket.Priority, cancellationToken);
        SlaClock.Schedule(sla, ticket.CreatedAt, firstResponse, resolution, clock);
    }
}
