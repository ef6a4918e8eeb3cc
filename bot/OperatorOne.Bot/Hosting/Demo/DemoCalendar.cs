using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;

namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>
/// The coming working days' meetings (the budget meeting, the budget review, Mia's quarterly planning as #5, Acme demo #7,
/// pricing workshop #12…) and Mia's weekday standup series at 09:30 for four weeks. Times avoid the slots the README and
/// help examples book or move to (Tuesday 15:00, Thursday 16:00, Friday 10:00), so those examples do not clash.
/// </summary>
internal static class DemoCalendar
{
    private static readonly (string Title, EventKind Kind, string Organizer, string[] Invited, int Workday, int Hour, int Minutes)[] Events =
    [
        ("Budget meeting", EventKind.Meeting, "owner", ["admin", "member", "viewer"], 2, 14, 60),
        ("Budget review", EventKind.Meeting, "admin", ["member", "max"], 3, 11, 30),
        ("Supplier call with Staples", EventKind.Meeting, "member", ["max"], 1, 13, 30),
        ("Team lunch", EventKind.Meeting, "owner", ["admin", "member", "viewer", "max"], 4, 12, 60),
        ("Quarterly planning", EventKind.Meeting, "member", ["admin", "viewer"], 5, 14, 60),
        ("Q4 sales report", EventKind.Deadline, "member", [], 6, 17, 0),
        ("Acme demo", EventKind.Meeting, "member", ["max"], 2, 11, 30),
        ("Server maintenance", EventKind.Meeting, "admin", [], 3, 13, 60),
        ("Interview: office manager", EventKind.Meeting, "owner", ["admin"], 4, 14, 45),
        ("1:1 Ada and Mia", EventKind.Meeting, "admin", ["member"], 1, 14, 30),
        ("Renew the domain", EventKind.Reminder, "member", [], 2, 9, 0),
        ("Pricing workshop", EventKind.Meeting, "member", ["max"], 3, 14, 60),
    ];

    private const int StandupDays = 20;

    private static readonly string StandupRule = $"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT={StandupDays}";

    public static void Add(OperatorOneDb db, DemoTenant tenant, DemoPeople people, DateTimeOffset now)
    {
        var calendars = new Dictionary<string, Guid>();
        Guid CalendarOf(string handle)
        {
            if (!calendars.TryGetValue(handle, out var id))
            {
                id = Guid.NewGuid();
                db.Calendars.Add(new EventCalendar { Id = id, OrganizationId = tenant.OrganizationId, Kind = CalendarKind.Personal, Name = handle, OwnerId = people[handle], CreatedAt = now });
                calendars[handle] = id;
            }
            return id;
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var number = 0;
        void Book(string title, EventKind kind, string organizer, string[] invited, DateTimeOffset start, int minutes, Guid? series = null, string? rule = null)
        {
            var e = new CalendarEvent
            {
                Id = Guid.NewGuid(), OrganizationId = tenant.OrganizationId, Number = ++number, CalendarId = CalendarOf(organizer), Title = title, Kind = kind,
                StartsAt = start, EndsAt = start.AddMinutes(minutes), OrganizerId = people[organizer], SeriesId = series, Recurrence = rule, CreatedAt = now,
            };
            db.CalendarEvents.Add(e);
            foreach (var handle in invited.Prepend(organizer))
            {
                var accepted = handle == organizer;
                db.EventAttendees.Add(new EventAttendee
                {
                    Id = Guid.NewGuid(), OrganizationId = tenant.OrganizationId, EventId = e.Id, MemberId = people[handle],
                    Response = accepted ? RsvpResponse.Accepted : RsvpResponse.Pending, RespondedAt = accepted ? now : null,
                });
            }
        }
        foreach (var (title, kind, organizer, invited, workday, hour, minutes) in Events)
        {
            Book(title, kind, organizer, invited, At(Workday(today, workday), hour, 0), minutes);
        }
        // A weekday series as iCalendar (RFC 5545) writes it, which is how the calendar skill stores and reads one.
        var seriesId = Guid.NewGuid();
        for (var day = 1; day <= StandupDays; day++)
        {
            Book("Standup", EventKind.Meeting, "member", ["admin", "max", "viewer"], At(Workday(today, day), 9, 30), 15, seriesId, StandupRule);
        }
    }

    public static int Count => Events.Length + StandupDays;

    /// <summary>The n-th Monday–Friday after <paramref name="today"/>.</summary>
    private static DateOnly Workday(DateOnly today, int n)
    {
        var day = today;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                n--;
            }
        }
        return day;
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => NaturalDates.Local(day, new TimeOnly(hour, minute), TimeZoneInfo.Utc);
}
