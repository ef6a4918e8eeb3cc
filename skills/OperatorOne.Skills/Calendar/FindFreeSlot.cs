using System.ComponentModel;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>Times the caller and the named members are all free and inside everyone's working hours, each in their own zone.</summary>
internal static class FindFreeSlot
{
    private const string Slot = $"( (?<duration>{Duration}|hour|half hour))?( free| open| common)?( (slot|time|time slot|window|hour|spot|meeting time))?";
    private const string Day = $"( (on |for )?(?<day>{When})| (in |for |during )?(?<period>this week|next week))?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "find_free_slot",
        Description = "Find a free time for several members",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "find a free slot for Ada and Max tomorrow", "find a free hour with ada and max next tuesday"
            Utterance.Of($"(please )?(find|suggest|get|look for|search for|propose|pick)( me| us)?( an?| some| the next| the first)?( free| open| common){Slot}( (for|with|between) (?<members>.+?))?{Day}( for (?<duration>{Duration}))?"),
            // "find a window of 2 hours for Jun and Ines on Friday", "find a common slot for 30 minutes with Max"
            Utterance.Of($"(find|suggest|look for)( me| us)?( an?| some)?( free| open| common)? (slot|time|time slot|window|meeting time)( (for|of) (?<duration>{Duration}))? (for|with) (?<members>.+?){Day}( for (?<duration>{Duration}))?"),
            // "is there a 30 min window tomorrow where Noor and I are both free?": the caller is always included.
            Utterance.Of($"(is there|are there|do we have|find)( an?| any| some)?{Slot}{Day} (where|when) (?<members>.+?)( and (i|me))? (are|is) (all |both )?(free|available)"),
            Utterance.Of($"when (are|is) (?<members>.+?) (all |both )?(free|available|around)( to meet)?{Day}( for (?<duration>{Duration}))?"),
            Utterance.Of($"when can (i|we) meet (with )?(?<members>.+?){Day}( for (?<duration>{Duration}))?"),
            Utterance.Of($"(free|open) (slots?|times?) (for|with) (?<members>.+?){Day}"),
            Utterance.Of($"(is there )?(a |any )?time (that )?works for (?<members>.+?){Day}"),
        ],
        Prompts = new Dictionary<string, string> { ["members"] = "Who should be there? Give me names, like 'Ada and Max'." },
        HelpExample = "find a free hour for Ada and Max next week",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        TimeProvider clock,
        IOptions<CalendarOptions> options,
        [Description("Who must be free (names or handles, comma or 'and' separated); the caller is always included.")] string members,
        [Description("How long, e.g. '30 minutes'; 30 minutes by default.")] string? duration = null,
        [Description("A day to look on; the next seven days otherwise.")] DateTimeOffset? day = null,
        [Description("Instead of a day: this_week or next_week.")] SchedulePeriod? period = null,
        CancellationToken cancellationToken = default)
    {
        var zone = NaturalDates.Zone(caller.TimeZone);
        var length = Durations.Parse(duration) ?? TimeSpan.FromMinutes(30);
        var everyone = await CalendarQueries.MembersAsync(db, cancellationToken);
        var (named, problem) = AttendeeNames.Resolve("members", members, caller.MemberId, everyone);
        if (problem is not null)
        {
            return problem;
        }
        var people = everyone.Where(m => m.Id == caller.MemberId).Concat(named).DistinctBy(m => m.Id).ToList();
        var (from, until) = Window(day, period, clock.GetUtcNow(), zone);
        var participants = await CalendarQueries.ParticipantsAsync(db, caller, people, from, until, null, cancellationToken);
        var hours = options.Value.Hours;
        var slots = SlotFinder.Find(participants, length, from, until, hours);
        var names = CalendarText.List(people.Where(p => p.Id != caller.MemberId).Select(p => p.DisplayName).Append("you").ToList());
        if (slots.Count == 0)
        {
            var whose = participants.Select(p => $"{(p.Name == "You" ? "yours" : p.Name)} {(p.Hours ?? hours).Describe()} {p.Zone.Id}");
            return new ToolResult($"I found no {Durations.Words(length)} when {names} are all free within everyone's working hours " +
                $"({string.Join("; ", whose)}){(day is not null ? " that day" : period is not null ? $" {Label(period.Value)}" : " in the next 7 days")}.");
        }
        var zoned = participants.Select(p => p.Zone).DistinctBy(z => z.Id).Where(z => z.Id != zone.Id).ToList();
        var lines = slots.Select(s => $"- {CalendarText.Span(s, s + length, zone)}" +
            (zoned.Count == 0 ? "" : $" ({string.Join(", ", zoned.Select(z => $"{TimeZoneInfo.ConvertTime(s, z):HH:mm} {z.Id}"))})"));
        return new ToolResult($"Free for {names} ({Durations.Words(length)}, your time, {zone.Id}):\n{string.Join("\n", lines)}\nSay 'schedule a meeting with … at …' to book one.")
        {
            Speak = $"The first time everyone is free is {CalendarText.When(slots[0], zone)}.",
        };
    }

    private static string Label(SchedulePeriod period) => MySchedule.Window(period, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc).Label;

    private static (DateTimeOffset From, DateTimeOffset Until) Window(DateTimeOffset? day, SchedulePeriod? period, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (day is null && period is { } week)
        {
            var (since, until, _) = MySchedule.Window(week, now, zone);
            return (since > now ? since : now, until);
        }
        if (day is not { } wanted)
        {
            return (now, now.AddDays(7));
        }
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(wanted, zone).DateTime);
        var start = NaturalDates.Local(date, TimeOnly.MinValue, zone);
        return ((start > now ? start : now).ToUniversalTime(), NaturalDates.Local(date.AddDays(1), TimeOnly.MinValue, zone).ToUniversalTime());
    }
}
