using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Books a meeting, campaign, deadline or reminder with attendees. A clash for any attendee is reported before
/// anything is booked: the caller books anyway, drops it, or answers with one of the free times offered.
/// </summary>
internal static class CreateEvent
{
    // "can we get a one on one with dana": get and have book something only when asked for.
    private const string Verb = "(please )?(((can|could) (you|we) )?(schedule|book|set up|arrange|organi[sz]e|create|add|plan|put in|make|set|put)|(can|could) (you|we|i) (get|have))( me| us)?";
    private const string Article = "( an?| another| the)?( new)?";
    private const string Length = $"( (?<duration>{Duration})( long)?)?";
    // "book a call with Max": a call or a sync that is given no subject is what it is called.
    private const string KindWord = $"( {Kinds}| event| (?<title>call|sync|catch ?up|appointment|1:1|one on one|one to one|one-on-one))";
    private const string Gathering = "(meeting|call|sync|catch ?up|catch-up|appointment|1:1|one on one|one to one|one-on-one|lunch|coffee|event)";
    // A title never starts with a time: "on friday at 3pm" is when, not what.
    // "…, title: supplier review" names it after everything else, as a form field would.
    private const string Subject = $"( (about|re|regarding|on|for|to discuss|called|titled|named):? (?!{When}( |$))(?<title>.+?)|,? (title|subject|topic|call it|name it):? (?<title>.+?))?";
    private const string With = "( (with|w/) (?<attendees>.+?))?";
    // "in my calendar" is the caller's own, not a team calendar called "my".
    private const string OnCalendar = "( (on|in|to) (the )?(?!(my|our|your) )(?<calendar>[^ ]+)( team)? calendar)?";
    private const string At = $"( (at |for |starting |starting on |beginning )?(?<starts_at>{When}))?";
    private const string For = $"( for (?<duration>{Duration}))?";
    private const string Repeats = "( (?<repeats>(every|each) (other |\\d+ )?(day|weekday|working day|business day|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|daily|weekly|monthly|fortnightly|biweekly|on weekdays))?";
    private const string Ends = $"( (?<ends>\\d+ times|for (\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (days|weeks|months)|until {When}))?";
    // "at Café Rio" is where unless it starts like a time.
    private const string AtPlace = "( at (?!(\\d|noon|midday|midnight|the (morning|afternoon|evening)))(?<location>[^ ].*?))?";
    private const string Place = "( in (?<location>(room|meeting room|conference room) [^ ]+|the [^ ]+( [^ ]+)? room|the (office|boardroom|board room|kitchen|lobby|cafeteria)))?";
    // "…, link https://meet.example.com/abc", "…, agenda: Q4 numbers": a call link and the notes said last, as in a form.
    private const string Link = "(,? (link|url|call link|on|via):? (?<location>https?://[^ ,]+|[a-z0-9-]+(\\.[a-z0-9-]+)+/[^ ,]*))?";
    private const string Notes = "(( ?[,.?;])? (agenda|notes?|details) ?[:\\-] ?(?<notes>.+))?";
    private const string Recurring = "(?<title>(daily |weekly |monthly |team )?(standup|stand-up|retro|retrospective|review|check-in|one on one|1:1|planning|sync))";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "create_event",
        Description = "Schedule a meeting, campaign, deadline or reminder with attendees",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "schedule a meeting with Ada and Max next Tuesday at 3pm for 30 minutes about budget"
            // "book a meeting with Mia every other week at 11am 6 times about hiring in room 2"
            Utterance.Of($"{Verb}{Article}{Length}{KindWord}{Subject}{With}{Place}{OnCalendar}{Repeats}{At}{For}{Repeats}{Ends}{Place}{Subject}{OnCalendar}{Link}{Notes}"),
            // "book a budget meeting with Ada tomorrow at 10am"
            // "book the board meeting on 20 January": a meeting, call or sync keeps its noun in the title.
            Utterance.Of($"{Verb}{Article}{Length} (?!{Duration} )(?!(an?|the|another|new) )(?<title>[^ ]+( [^ ]+)? {Gathering}){With}{Place}{OnCalendar}{Repeats}{At}{For}{Repeats}{Ends}{Place}{Subject}{Link}{Notes}"),
            Utterance.Of($"{Verb}{Article}{Length} (?!{Duration} )(?!(an?|the|another|new) )(?<title>[^ ]+( [^ ]+)?) (?<kind>campaign|deadline|reminder){With}{Place}{OnCalendar}{Repeats}{At}{For}{Repeats}{Ends}{Place}{Subject}"),
            // "schedule a 15 minute standup with Ada and Max every weekday at 9:30 for 4 weeks"
            Utterance.Of($"{Verb}{Article}{Length} {Recurring}{With}{Place}{OnCalendar}{Repeats}{At}{For}{Repeats}{Ends}{Place}{Subject}{Link}{Notes}"),
            // "meeting with Ada tomorrow at 3pm about hiring"
            // "can you schedule lunch with Fatima on Thursday 12:30 at Café Rio" (a meeting with a verb is the first pattern's)
            Utterance.Of($"(({Verb} )?(an? |new )?(?<title>call|sync|catch ?up|lunch|coffee)|(an? |new )?meeting) (with|w/) (?<attendees>.+?){At}{AtPlace}{For}{Subject}{Link}{Notes}"),
            // "meeting tomorrow 10am with ana and li, title hiring plan": when before whom.
            Utterance.Of($"(({Verb} )?(an? |new )?(?<title>call|sync|catch ?up|lunch|coffee)|(an? |new )?meeting) (?<starts_at>{When}) (with|w/) (?<attendees>.+?){AtPlace}{For}{Subject}{Link}{Notes}"),
            // "remind me to call the bank in 2 hours", "remind me at 5pm to send the report"
            Utterance.Of($"remind me (to|about|of) (?<title>.+?){At}{For}", Kind("reminder")),
            Utterance.Of($"remind me (?<starts_at>{When}) (to|about|of) (?<title>.+)", Kind("reminder")),
            // "set a reminder friday at 9am to renew the domain", "I need a reminder on Friday 9am: send payslips"
            Utterance.Of($"((set|add|create) (a|me a)|i (need|want) a|new) reminder ((for|at) )?(?<starts_at>{When})( (to|about|for)|:|,| -) (?<title>.+)", Kind("reminder")),
            // "the Q3 report is due friday", "deadline for the Q3 report on 3 march"
            Utterance.Of($"(?<title>.+?) is due (on |by )?(?<starts_at>{When})", Kind("deadline")),
            Utterance.Of($"(add a |set a |new )?deadline (for|on) (?<title>.+?) (on |by |at )?(?<starts_at>{When})", Kind("deadline")),
            // "launch the spring campaign on 3 march on the marketing calendar"
            Utterance.Of($"(launch|run|start) (the |a )?(?<title>.+?) campaign{OnCalendar}{At}{For}{OnCalendar}", Kind("campaign")),
            // "new campaign on the Sales calendar: January sale email blast, starts 15 Jan 8am"
            Utterance.Of($"({Verb}{Article} |new )?{Kinds}{OnCalendar} ?: ?(?<title>[^,]+?),? ((starts|starting|on|due|at|from) )?(?<starts_at>{When})"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["title"] = "What is it about? Give me a short title.",
            ["starts_at"] = "When? For example 'next Tuesday at 3pm' or 'tomorrow morning'.",
        },
        HelpExample = "schedule a meeting with Ada and Max next Tuesday at 3pm for 30 minutes about budget",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        OutboxWriter outbox,
        TimeProvider clock,
        IOptions<CalendarOptions> options,
        [Description("A short title, e.g. 'Budget review'.")] string title,
        [Description("When it starts (the first time, for a recurring event).")] DateTimeOffset starts_at,
        [Description("How long, e.g. '30 minutes' or '1 hour'; meetings default to 30 minutes.")] string? duration = null,
        [Description("Who to invite: names or handles separated by commas or 'and'.")] string? attendees = null,
        [Description("meeting (default), campaign, deadline or reminder.")] EventKind kind = EventKind.Meeting,
        [Description("A team calendar's name to put it on; the caller's own calendar otherwise.")] string? calendar = null,
        [Description("For a recurring event: 'every day', 'every weekday', 'every week', 'every other week', 'every Monday' or 'every month'.")] string? repeats = null,
        [Description("When a recurring event stops: '10 times', 'for 6 weeks' or 'until 31 March'.")] string? ends = null,
        [Description("Where: a room, an address or a call link.")] string? location = null,
        [Description("An agenda or notes for the attendees.")] string? notes = null,
        [Description("Only after a reported clash: 'yes' to book anyway, 'no' to drop it, or another start time.")] string? on_conflict = null,
        CancellationToken cancellationToken = default)
    {
        var zone = NaturalDates.Zone(caller.TimeZone);
        var cleanTitle = Clean(title, 200);
        if (cleanTitle.Length == 0)
        {
            return ToolResult.Refused("An event needs a title. What is it about?");
        }
        var length = Durations.Parse(duration) ?? DefaultLength(kind);
        if (duration is not null && Durations.Parse(duration) is null)
        {
            return ToolResult.Refused($"I didn't get how long \"{duration}\" is. Try '30 minutes' or '1 hour'.");
        }
        var (onCalendar, teamMembers, calendarProblem) = await TeamCalendars.ResolveAsync(db, calendar, cancellationToken);
        if (calendarProblem is not null)
        {
            return calendarProblem;
        }
        var members = await CalendarQueries.MembersAsync(db, cancellationToken);
        var (invited, problem) = AttendeeNames.Resolve("attendees", attendees, caller.MemberId, members);
        if (problem is not null)
        {
            return problem;
        }
        var me = members.First(m => m.Id == caller.MemberId);
        var everyone = new[] { me }.Concat(invited).Concat(teamMembers).DistinctBy(m => m.Id).ToList();

        var start = starts_at.ToUniversalTime();
        var answer = Conflicts.Read(on_conflict, clock.GetUtcNow(), zone);
        if (answer is Conflicts.Drop)
        {
            return new ToolResult("OK, I haven't booked it.");
        }
        if (answer is Conflicts.MoveTo move)
        {
            start = move.Start.ToUniversalTime();
        }
        var (starts, rule, seriesProblem) = Starts(repeats, ends, start, clock.GetUtcNow(), zone);
        if (seriesProblem is not null)
        {
            return seriesProblem;
        }
        if (starts[0] < clock.GetUtcNow().AddMinutes(-1))
        {
            return ToolResult.Refused($"{CalendarText.When(starts[0], zone)} has already passed. When should it be?");
        }
        if (kind == EventKind.Meeting && answer is not Conflicts.BookAnyway
            && await Conflicts.CheckSeriesAsync(db, caller, clock.GetUtcNow(), everyone, starts, length, zone, options.Value.Hours, cancellationToken) is { } clash)
        {
            return clash;
        }

        var home = onCalendar ?? await CalendarQueries.PersonalCalendarAsync(db, organization, clock.GetUtcNow(), me.Id, me.DisplayName, cancellationToken);
        var draft = new EventDraft(home.Id, cleanTitle, kind, length, me, everyone, Optional(location, 200), Optional(notes, 2000), rule);
        var events = await EventBooking.AddAsync(db, organization, clock.GetUtcNow(), draft, starts, cancellationToken);
        var e = events[0];
        var when = rule is null ? null : EventBooking.SeriesWords(rule, events, zone);
        var numbers = EventBooking.Numbers(events);
        var others = everyone.Where(p => p.Id != me.Id).ToList();
        // Every occurrence of a series is an event of its own (its own number), so receivers hear of each.
        foreach (var booked in events)
        {
            await IntegrationEvents.EventBookedAsync(db, clock.GetUtcNow(), booked, everyone.Select(p => p.Id), cancellationToken);
        }
        await CalendarNotices.SendAsync(db, outbox, clock.GetUtcNow(), others.Select(o => o.Id).ToList(), readerZone =>
            $"{me.DisplayName} invited you to {numbers} {e.Title} ({CalendarText.Word(kind)}), " +
            (rule is null ? CalendarText.Span(e, readerZone) : EventBooking.SeriesWords(rule, events, readerZone)) + Where(e) + ". " +
            (rule is null ? $"Say 'accept event {e.Number}' or 'decline event {e.Number}'." : $"Say 'accept every {e.Title}' or 'decline event {e.Number}'."),
            // A mail client gets the event as iCalendar; a series is described in words only (the invitation holds one event).
            cancellationToken, rule is null ? (e, "REQUEST") : null);
        await db.SaveChangesAsync(cancellationToken);

        var with = others.Count == 0 ? "" : $" with {CalendarText.List(others.Select(o => o.DisplayName).ToList())}";
        var onTeam = onCalendar is null ? "" : $" on the {onCalendar.Name} calendar";
        return new ToolResult($"Booked {numbers} {e.Title} ({CalendarText.Word(kind)}), {when ?? CalendarText.Span(e, zone)}{Where(e)}{with}{onTeam}.")
        {
            Card = CalendarCards.Event(e, zone, everyone.Select(p => (p.DisplayName, p.Id == me.Id ? RsvpResponse.Accepted : RsvpResponse.Pending)).ToList(), when),
            Speak = $"Booked {e.Title} for {CalendarText.When(e.StartsAt, zone)}{(rule is null ? "" : $", {rule.Words}")}.",
        };
    }

    /// <summary>The one start, or every start of the series the words describe.</summary>
    private static (IReadOnlyList<DateTimeOffset> Starts, Recurrence? Rule, ToolResult? Problem) Starts(
        string? repeats, string? ends, DateTimeOffset start, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(repeats))
        {
            return ([start], null, null);
        }
        var (plan, problem) = RecurrenceWords.Read(repeats, ends, start, now, zone);
        if (plan is null)
        {
            return ([], null, string.IsNullOrWhiteSpace(ends) ? ToolResult.Ask("ends", problem!, []) : ToolResult.Refused(problem!));
        }
        return (plan.Rule.Expand(plan.First, zone), plan.Rule, null);
    }

    /// <summary>" in Room 4", or nothing.</summary>
    internal static string Where(CalendarEvent e) => e.Location is { Length: > 0 } place ? $" in {place}" : "";

    private static string? Optional(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : Clean(text, max);

    private static TimeSpan DefaultLength(EventKind kind) => kind switch
    {
        EventKind.Meeting => TimeSpan.FromMinutes(30),
        EventKind.Campaign => TimeSpan.FromDays(1),
        _ => TimeSpan.Zero,
    };

    private static string Clean(string text, int max)
    {
        var clean = text.Trim().Trim('"', '\'', '.', ',').Trim();
        return clean.Length <= max ? clean : clean[..(max - 1)] + "…";
    }

    private static Dictionary<string, string> Kind(string kind) => new() { ["kind"] = kind };
}
