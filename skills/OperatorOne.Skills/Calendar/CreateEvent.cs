using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;
using OperatorOne.Skills.Tickets;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Books a meeting, campaign, deadline or reminder with attendees. A clash for any attendee is reported before
/// anything is booked: the caller books anyway, drops it, or answers with one of the free times offered.
/// </summary>
internal static class CreateEvent
{
    private const string Verb = "(please )?(can you |could you )?(schedule|book|set up|arrange|organi[sz]e|create|add|plan|put in|make|set|put)( me)?";
    private const string Article = "( an?| another| the)?( new)?";
    private const string Length = $"( (?<duration>{Duration})( long)?)?";
    private const string KindWord = $"( {Kinds}| (call|sync|event|catch ?up|appointment|1:1|one on one))";
    // A title never starts with a time: "on friday at 3pm" is when, not what.
    private const string Subject = $"( (about|re|regarding|on|for|to discuss|called|titled|named):? (?!{When}( |$))(?<title>.+?))?";
    private const string With = "( with (?<attendees>.+?))?";
    private const string OnCalendar = "( (on|in|to) (the )?(?<calendar>[^ ]+)( team)? calendar)?";
    private const string At = $"( (at |for )?(?<starts_at>{When}))?";
    private const string For = $"( for (?<duration>{Duration}))?";

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
            Utterance.Of($"{Verb}{Article}{Length}{KindWord}{Subject}{With}{OnCalendar}{At}{For}{Subject}{OnCalendar}"),
            // "book a budget meeting with Ada tomorrow at 10am"
            Utterance.Of($"{Verb}{Article}{Length} (?!{Duration} )(?<title>[^ ]+( [^ ]+)?){KindWord}{With}{OnCalendar}{At}{For}{Subject}"),
            // "meeting with Ada tomorrow at 3pm about hiring"
            Utterance.Of($"(an? |new )?(meeting|call|sync|catch ?up) with (?<attendees>.+?){At}{For}{Subject}"),
            // "remind me to call the bank in 2 hours", "remind me at 5pm to send the report"
            Utterance.Of($"remind me (to|about|of) (?<title>.+?){At}{For}", Kind("reminder")),
            Utterance.Of($"remind me (?<starts_at>{When}) (to|about|of) (?<title>.+)", Kind("reminder")),
            Utterance.Of($"(set|add|create) (a|me a) reminder (for|at) (?<starts_at>{When}) (to|about|for) (?<title>.+)", Kind("reminder")),
            // "the Q3 report is due friday", "deadline for the Q3 report on 3 march"
            Utterance.Of($"(?<title>.+?) is due (on |by )?(?<starts_at>{When})", Kind("deadline")),
            Utterance.Of($"(add a |set a |new )?deadline (for|on) (?<title>.+?) (on |by |at )?(?<starts_at>{When})", Kind("deadline")),
            // "launch the spring campaign on 3 march on the marketing calendar"
            Utterance.Of($"(launch|run|start) (the |a )?(?<title>.+?) campaign{OnCalendar}{At}{For}{OnCalendar}", Kind("campaign")),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["title"] = "What is it about? Give me a short title.",
            ["starts_at"] = "When? For example 'next Tuesday at 3pm' or 'tomorrow morning'.",
        },
        HelpExample = "schedule a meeting with Ada and Max next Tuesday at 3pm for 30 minutes about budget",
    };

    public static async Task<ToolResult> RunAsync(
        ToolContext context,
        [Description("A short title, e.g. 'Budget review'.")] string title,
        [Description("When it starts.")] DateTimeOffset starts_at,
        [Description("How long, e.g. '30 minutes' or '1 hour'; meetings default to 30 minutes.")] string? duration = null,
        [Description("Who to invite: names or handles separated by commas or 'and'.")] string? attendees = null,
        [Description("meeting (default), campaign, deadline or reminder.")] EventKind kind = EventKind.Meeting,
        [Description("A team calendar's name to put it on; the caller's own calendar otherwise.")] string? calendar = null,
        [Description("Only after a reported clash: 'yes' to book anyway, 'no' to drop it, or another start time.")] string? on_conflict = null,
        CancellationToken cancellationToken = default)
    {
        var zone = NaturalDates.Zone(context.Caller.TimeZone);
        var cleanTitle = Title(title);
        if (cleanTitle.Length == 0)
        {
            return ToolResult.Refused("An event needs a title. What is it about?");
        }
        var length = Durations.Parse(duration) ?? DefaultLength(kind);
        if (duration is not null && Durations.Parse(duration) is null)
        {
            return ToolResult.Refused($"I didn't get how long \"{duration}\" is. Try '30 minutes' or '1 hour'.");
        }
        var (onCalendar, teamMembers, calendarProblem) = await CalendarAsync(context, calendar, cancellationToken);
        if (calendarProblem is not null)
        {
            return calendarProblem;
        }
        var members = await CalendarQueries.MembersAsync(context.Db, cancellationToken);
        var (invited, problem) = AttendeeNames.Resolve("attendees", attendees, context.Caller.MemberId, members);
        if (problem is not null)
        {
            return problem;
        }
        var me = members.First(m => m.Id == context.Caller.MemberId);
        var everyone = new[] { me }.Concat(invited).Concat(teamMembers).DistinctBy(m => m.Id).ToList();

        var start = starts_at.ToUniversalTime();
        var answer = Conflicts.Read(on_conflict, context.Now, zone);
        if (answer is Conflicts.Drop)
        {
            return new ToolResult("OK, I haven't booked it.");
        }
        if (answer is Conflicts.MoveTo move)
        {
            start = move.Start.ToUniversalTime();
        }
        if (start < context.Now.AddMinutes(-1))
        {
            return ToolResult.Refused($"{CalendarText.When(start, zone)} has already passed. When should it be?");
        }
        if (kind == EventKind.Meeting && answer is not Conflicts.BookAnyway)
        {
            var options = context.Services.GetRequiredService<IOptions<CalendarOptions>>().Value;
            var clash = await Conflicts.CheckAsync(context, everyone, start, length, zone, options.Hours, null, "book", cancellationToken);
            if (clash is not null)
            {
                return clash;
            }
        }

        var e = new CalendarEvent
        {
            Id = Guid.NewGuid(),
            OrganizationId = context.OrganizationId,
            Number = await CalendarQueries.NextNumberAsync(context.Db, context.OrganizationId, cancellationToken),
            CalendarId = (onCalendar ?? await CalendarQueries.PersonalCalendarAsync(context, me.Id, me.DisplayName, cancellationToken)).Id,
            Title = cleanTitle,
            Kind = kind,
            StartsAt = start,
            EndsAt = start + length,
            OrganizerId = me.Id,
            CreatedAt = context.Now,
        };
        context.Db.CalendarEvents.Add(e);
        foreach (var person in everyone)
        {
            context.Db.EventAttendees.Add(new EventAttendee
            {
                Id = Guid.NewGuid(), OrganizationId = context.OrganizationId, EventId = e.Id, MemberId = person.Id,
                Response = person.Id == me.Id ? RsvpResponse.Accepted : RsvpResponse.Pending,
                RespondedAt = person.Id == me.Id ? context.Now : null,
            });
        }
        var others = everyone.Where(p => p.Id != me.Id).ToList();
        await CalendarNotices.SendAsync(context, e, others.Select(o => o.Id).ToList(), when =>
            $"{me.DisplayName} invited you to #{e.Number} {e.Title} ({CalendarText.Word(kind)}), {when}. Say 'accept event {e.Number}' or 'decline event {e.Number}'.",
            cancellationToken, invitation: "REQUEST");
        await context.Db.SaveChangesAsync(cancellationToken);

        var with = others.Count == 0 ? "" : $" with {CalendarText.List(others.Select(o => o.DisplayName).ToList())}";
        var where = onCalendar is null ? "" : $" on the {onCalendar.Name} calendar";
        return new ToolResult($"Booked #{e.Number} {e.Title} ({CalendarText.Word(kind)}), {CalendarText.Span(e, zone)}{with}{where}.")
        {
            Card = CalendarCards.Event(e, zone, everyone.Select(p => (p.DisplayName, p.Id == me.Id ? RsvpResponse.Accepted : RsvpResponse.Pending)).ToList()),
            Speak = $"Booked {e.Title} for {CalendarText.When(e.StartsAt, zone)}.",
        };
    }

    private static async Task<(EventCalendar? Calendar, IReadOnlyList<AssigneeCandidate> Members, ToolResult? Problem)> CalendarAsync(
        ToolContext context, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().ToLowerInvariant() is "my" or "me" or "mine" or "own" or "personal")
        {
            return (null, [], null);
        }
        var calendar = await TeamCalendars.FindAsync(context.Db, name, cancellationToken);
        if (calendar is null)
        {
            return (null, [], ToolResult.Refused($"There's no team calendar called \"{name.Trim()}\". Create it with 'create a team calendar {name.Trim()} with …'."));
        }
        var members = await context.Db.CalendarMembers.Where(m => m.CalendarId == calendar.Id)
            .Join(context.Db.Members.Where(m => m.IsActive), c => c.MemberId, m => m.Id, (_, m) => new AssigneeCandidate(m.Id, m.DisplayName, m.Handle))
            .ToListAsync(cancellationToken);
        return (calendar, members, null);
    }

    private static TimeSpan DefaultLength(EventKind kind) => kind switch
    {
        EventKind.Meeting => TimeSpan.FromMinutes(30),
        EventKind.Campaign => TimeSpan.FromDays(1),
        _ => TimeSpan.Zero,
    };

    private static string Title(string title)
    {
        var clean = title.Trim().Trim('"', '\'', '.', ',').Trim();
        return clean.Length <= 200 ? clean : clean[..199] + "…";
    }

    private static Dictionary<string, string> Kind(string kind) => new() { ["kind"] = kind };
}
