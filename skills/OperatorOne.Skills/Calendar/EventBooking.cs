using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;

namespace OperatorOne.Skills.Calendar;

/// <summary>What is being booked, once everything said has been read and checked.</summary>
internal sealed record EventDraft(
    Guid CalendarId, string Title, EventKind Kind, TimeSpan Length, MemberCandidate Organizer, IReadOnlyList<MemberCandidate> People,
    string? Location, string? Notes, Recurrence? Rule);

/// <summary>
/// Writes a booking: one event, or every occurrence of a series as its own numbered event sharing a series id, so
/// schedules, clashes, reminders, answers and .ics files treat each occurrence as the event it is.
/// </summary>
internal static class EventBooking
{
    public static async Task<List<CalendarEvent>> AddAsync(ToolContext context, EventDraft draft, IReadOnlyList<DateTimeOffset> starts, CancellationToken cancellationToken)
    {
        var last = await NextNumbersAsync(context.Db, context.OrganizationId, starts.Count, cancellationToken);
        var series = draft.Rule is null ? (Guid?)null : Guid.NewGuid();
        var events = new List<CalendarEvent>();
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i].ToUniversalTime();
            var e = new CalendarEvent
            {
                Id = Guid.NewGuid(),
                OrganizationId = context.OrganizationId,
                Number = last - starts.Count + 1 + i,
                CalendarId = draft.CalendarId,
                Title = draft.Title,
                Kind = draft.Kind,
                StartsAt = start,
                EndsAt = start + draft.Length,
                OrganizerId = draft.Organizer.Id,
                Location = draft.Location,
                Notes = draft.Notes,
                SeriesId = series,
                Recurrence = draft.Rule?.Rule,
                CreatedAt = context.Now,
            };
            context.Db.CalendarEvents.Add(e);
            foreach (var person in draft.People)
            {
                var organizer = person.Id == draft.Organizer.Id;
                context.Db.EventAttendees.Add(new EventAttendee
                {
                    Id = Guid.NewGuid(), OrganizationId = context.OrganizationId, EventId = e.Id, MemberId = person.Id,
                    Response = organizer ? RsvpResponse.Accepted : RsvpResponse.Pending,
                    RespondedAt = organizer ? context.Now : null,
                });
            }
            events.Add(e);
        }
        return events;
    }

    /// <summary>"#5" or "#5–#14": how a booking is referred to.</summary>
    public static string Numbers(IReadOnlyList<CalendarEvent> events) =>
        events.Count == 1 ? $"#{events[0].Number}" : $"#{events[0].Number}–#{events[^1].Number}";

    /// <summary>"every weekday 09:30–09:45 from Mon 7 Dec to Fri 18 Dec (10 times)", in the reader's zone.</summary>
    public static string SeriesWords(Recurrence rule, IReadOnlyList<CalendarEvent> events, TimeZoneInfo zone)
    {
        var first = events[0];
        return $"{rule.Words} {CalendarText.Hours(first, zone)} from {CalendarText.Day(first.StartsAt, zone)} to {CalendarText.Day(events[^1].StartsAt, zone)} ({events.Count} times)";
    }

    /// <summary>
    /// Reserves <paramref name="count"/> numbers in a row from the organization's event sequence (op_next_numbers) and
    /// returns the last of them: no lock on the organization's row held to the commit.
    /// </summary>
    private static async Task<int> NextNumbersAsync(OperatorOneDb db, Guid organizationId, int count, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<int>($"SELECT op_next_numbers('event', {organizationId}, {count}) AS \"Value\"")
            .AsAsyncEnumerable().FirstAsync(cancellationToken);
}
