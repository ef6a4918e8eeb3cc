using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>Where a ticket's SLA targets fall, decided from its history and the business clock; no I/O, so unit-tested.</summary>
internal static class SlaClock
{
    /// <summary>Applies a status change at <paramref name="now"/>: Pending pauses, leaving Pending resumes, leaving New is the first response.</summary>
    public static void Move(TicketSla sla, TicketStatus before, TicketStatus after, DateTimeOffset now, BusinessClock clock)
    {
        if (after == TicketStatus.Pending && sla.PausedSince is null)
        {
            sla.PausedSince = now;
        }
        if (after != TicketStatus.Pending && sla.PausedSince is { } since)
        {
            sla.PausedTime += clock.Between(since, now);
            sla.PausedSince = null;
        }
        if (before == TicketStatus.New && after != TicketStatus.New && sla.FirstRespondedAt is null)
        {
            sla.FirstRespondedAt = now;
        }
    }

    /// <summary>Due and warning times: the target plus time spent paused, counted in business time from creation.</summary>
    public static void Schedule(TicketSla sla, DateTimeOffset createdAt, TimeSpan firstResponse, TimeSpan resolution, BusinessClock clock)
    {
        sla.FirstResponseDueAt = clock.Add(createdAt, firstResponse + sla.PausedTime);
        sla.FirstResponseWarnAt = clock.Add(createdAt, (firstResponse * SlaDefaults.WarningShare) + sla.PausedTime);
        sla.ResolutionDueAt = clock.Add(createdAt, resolution + sla.PausedTime);
        sla.ResolutionWarnAt = clock.Add(createdAt, (resolution * SlaDefaults.WarningShare) + sla.PausedTime);
    }
}
