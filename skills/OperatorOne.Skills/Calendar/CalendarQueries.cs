using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Calendar;

/// <summary>The look-ups every calendar tool shares; the database is already scoped to the organization.</summary>
internal static partial class CalendarQueries
{
    public static Task<List<MemberCandidate>> MembersAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        db.Members.Where(m => m.IsActive).OrderBy(m => m.DisplayName)
            .Select(m => new MemberCandidate(m.Id, m.DisplayName, m.Handle)).ToListAsync(cancellationToken);

    /// <summary>What keeps each member busy during [since, until), by the rules of <see cref="Busyness"/>.</summary>
    public static async Task<ILookup<Guid, Busy>> BusyAsync(OperatorOneDb db, IReadOnlyCollection<Guid> members, DateTimeOffset since, DateTimeOffset until, Guid? ignoreEvent, CancellationToken cancellationToken)
    {
        // PostgreSQL's timestamptz takes UTC only; dates read in a member's zone carry its offset.
        (since, until) = (since.ToUniversalTime(), until.ToUniversalTime());
        var rows = await (
            from a in db.EventAttendees
            join e in db.CalendarEvents on a.EventId equals e.Id
            where members.Contains(a.MemberId) && a.Response != RsvpResponse.Declined
            where e.CancelledAt == null && e.Kind != EventKind.Campaign && e.StartsAt < until && e.EndsAt > since && e.Id != ignoreEvent
            select new { a.MemberId, a.Response, e.Kind, e.StartsAt, e.EndsAt })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Where(r => Busyness.Blocks(r.Kind, r.Response, r.StartsAt, r.EndsAt))
            .ToLookup(r => r.MemberId, r => new Busy(r.StartsAt, r.EndsAt));
    }

    /// <summary>Each member's own working hours; members without their own are left out (they work the default).</summary>
    public static async Task<Dictionary<Guid, WorkingHours>> HoursAsync(OperatorOneDb db, IReadOnlyCollection<Guid> members, CancellationToken cancellationToken)
    {
        var rows = await db.WorkingHours.Where(h => members.Contains(h.MemberId)).AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(h => h.MemberId, h => new WorkingHours(h.StartsAt, h.EndsAt, WorkingHours.FromBits(h.Days)));
    }

    /// <summary>The people of a search or clash check: each with their zone, what blocks them and their own hours.</summary>
    public static async Task<List<Participant>> ParticipantsAsync(OperatorOneDb db, Caller caller, IReadOnlyList<MemberCandidate> people, DateTimeOffset since,
        DateTimeOffset until, Guid? ignoreEvent, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.Id).ToList();
        var busy = await BusyAsync(db, ids, since, until, ignoreEvent, cancellationToken);
        var zones = await MemberZones.OfAsync(db, ids, cancellationToken);
        var hours = await HoursAsync(db, ids, cancellationToken);
        return people.Select(p => new Participant(p.Id == caller.MemberId ? "You" : p.DisplayName,
            zones.GetValueOrDefault(p.Id, TimeZoneInfo.Utc), busy[p.Id].ToList(), hours.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>The member's own calendar, made the first time they need it.</summary>
    public static async Task<EventCalendar> PersonalCalendarAsync(OperatorOneDb db, CurrentOrganization organization, DateTimeOffset now, Guid memberId, string name, CancellationToken cancellationToken)
    {
        var calendar = await db.Calendars.FirstOrDefaultAsync(c => c.OwnerId == memberId, cancellationToken);
        if (calendar is not null)
        {
            return calendar;
        }
        calendar = new EventCalendar
        {
            Id = Guid.NewGuid(), OrganizationId = organization.Id, Kind = CalendarKind.Personal,
            Name = name, OwnerId = memberId, CreatedAt = now,
        };
        db.Calendars.Add(calendar);
        return calendar;
    }

    /// <summary>
    /// The event "5", "#5", "event 5" or "the budget meeting" means among those the caller organizes or is invited to
    /// (upcoming first); several title matches become a question, unless they are one series (then the next occurrence).
    /// </summary>
    public static async Task<(CalendarEvent? Event, ToolResult? Problem)> FindAsync(OperatorOneDb db, Caller caller, DateTimeOffset now, string said, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, caller, now, said, zone, everyone: false, cancellationToken);
        // Admins move, cancel and change other people's events too: what is not on their own calendar is looked up on everyone's.
        return found.Event is null && caller.Role >= MemberRole.Admin && !found.Problem!.Text.StartsWith("Which", StringComparison.Ordinal)
            ? await FindAsync(db, caller, now, said, zone, everyone: true, cancellationToken)
            : found;
    }

    private static async Task<(CalendarEvent? Event, ToolResult? Problem)> FindAsync(OperatorOneDb db, Caller caller, DateTimeOffset now, string said, TimeZoneInfo zone, bool everyone, CancellationToken cancellationToken)
    {
        var me = caller.MemberId;
        var mine = db.CalendarEvents.Where(e => e.CancelledAt == null)
            .Where(e => everyone || e.OrganizerId == me || db.EventAttendees.Any(a => a.EventId == e.Id && a.MemberId == me));
        if (NumberPattern().Match(said.Trim()) is { Success: true } numbered)
        {
            var number = int.Parse(numbered.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var found = await mine.FirstOrDefaultAsync(e => e.Number == number, cancellationToken);
            return found is null ? (null, ToolResult.Refused($"I couldn't find event #{number} on your calendar.")) : (found, null);
        }
        var words = Words(said);
        if (words.Length == 0)
        {
            return (null, ToolResult.Refused("Which event? Tell me its number, like 5, or its title."));
        }
        var candidates = await mine.Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt).Take(200).ToListAsync(cancellationToken);
        // "the budget meeting" is the event titled "Budget meeting" rather than also the "Budget review", when one is.
        var exact = candidates.Where(e => AllWords(said).All(w => e.Title.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        var hits = exact.Count > 0 && exact.All(h => h.SeriesId is not null && h.SeriesId == exact[0].SeriesId || exact.Count == 1) ? exact
            : candidates.Where(e => words.All(w => e.Title.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        // "the standup" among the occurrences of one series means the next of them.
        if (hits.Count > 1 && hits.All(h => h.SeriesId is not null && h.SeriesId == hits[0].SeriesId))
        {
            return (hits[0], null);
        }
        return hits.Count switch
        {
            0 => (null, ToolResult.Refused($"I couldn't find an upcoming event like \"{said.Trim()}\" on your calendar.")),
            1 => (hits[0], null),
            _ => (null, ToolResult.Ask("event", $"Which one: {CalendarText.Or(hits.Select(h => CalendarText.Label(h, zone)).ToList())}?",
                hits.Select(h => CalendarText.Label(h, zone)).ToList())),
        };
    }

    private static readonly HashSet<string> NotTitle = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "my", "a", "an", "meeting", "event", "call", "sync", "deadline", "reminder", "campaign", "on", "at", "for", "with", "invite", "invitation",
    };

    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase) { "the", "my", "a", "an", "on", "at", "for", "with", "invite", "invitation" };

    private static string[] AllWords(string said) =>
        said.Split([' ', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries).Where(w => !Fillers.Contains(w)).ToArray();

    private static string[] Words(string said) =>
        said.Split([' ', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries).Where(w => !NotTitle.Contains(w)).ToArray();

    [GeneratedRegex(@"^((the )?(event|meeting|deadline|reminder|campaign) )?(number |no\.? ?)?#?(?<n>\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();
}
