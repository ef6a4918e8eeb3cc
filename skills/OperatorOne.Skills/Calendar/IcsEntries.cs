using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;

namespace OperatorOne.Skills.Calendar;

/// <summary>Events with their people, as the .ics download and the subscription feed write them.</summary>
internal static class IcsEntries
{
    /// <summary>The events a member organizes or is invited to (the organizer is always an attendee).</summary>
    public static IQueryable<CalendarEvent> Of(OperatorOneDb db, Guid memberId) =>
        db.CalendarEvents.Where(e => db.EventAttendees.Any(a => a.EventId == e.Id && a.MemberId == memberId));

    public static async Task<List<IcsEntry>> ReadAsync(OperatorOneDb db, IQueryable<CalendarEvent> events, CancellationToken cancellationToken)
    {
        var rows = await events.OrderBy(e => e.StartsAt).AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.Select(e => e.Id).ToList();
        var people = await db.EventAttendees.Where(a => ids.Contains(a.EventId))
            .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { a.EventId, Person = new IcsPerson(m.Id, m.DisplayName, m.Email, a.Response) })
            .ToListAsync(cancellationToken);
        var byEvent = people.ToLookup(p => p.EventId, p => p.Person);
        return rows.Select(e => new IcsEntry(e, byEvent[e.Id].ToList())).ToList();
    }
}
