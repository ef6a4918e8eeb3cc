using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>What the caller has today, tomorrow, this week or next week, in their own time zone.</summary>
internal static class MySchedule
{
    private const string Things = "(schedule|calendar|agenda|diary|meetings|events|appointments|plans)";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "my_schedule",
        Description = "Show my schedule for today, tomorrow, this week or next week",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(what(['’]?s| is) )?(on )?my {Things}( like)?(( for| on)? {Period})?"),
            Utterance.Of($"(show|list|give|tell|check|read)( me)?( out)? my {Things}(( for| on)? {Period})?"),
            Utterance.Of($"what do i have( on| going on| scheduled| planned| booked)?( for)?( {Period})?"),
            Utterance.Of($"(what|which|any) (meetings|events|appointments)( do i have| have i got)?( on)?( {Period})?"),
            Utterance.Of($"(am i|is my calendar|is my schedule) (busy|free|booked)( {Period})?"),
            Utterance.Of($"{Period}(['’]?s)? (schedule|agenda|meetings|events|plan)"),
            Utterance.Of($"(my )?(schedule|agenda|calendar)( for)? {Period}"),
            Utterance.Of($"what(['’]?s| is) (happening|up|planned|scheduled)( for me)? {Period}"),
        ],
        HelpExample = "what's on my calendar this week",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        TimeProvider clock,
        [Description("today (default), tomorrow, this week or next week.")] SchedulePeriod period = SchedulePeriod.Today,
        CancellationToken cancellationToken = default)
    {
        var zone = NaturalDates.Zone(caller.TimeZone);
        var (since, until, label) = Window(period, clock.GetUtcNow(), zone);
        var me = caller.MemberId;
        var rows = await (
            from a in db.EventAttendees
            join e in db.CalendarEvents on a.EventId equals e.Id
            where a.MemberId == me && e.CancelledAt == null && e.StartsAt < until && e.EndsAt >= since
            orderby e.StartsAt
            select new { Event = e, a.Response })
            .AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new ToolResult($"Nothing on your calendar {label}.");
        }
        var lines = rows.Select(r => (CalendarText.Span(r.Event, zone),
            $"#{r.Event.Number} {r.Event.Title} ({CalendarText.Word(r.Event.Kind)}{(r.Response == RsvpResponse.Accepted ? "" : $", {CalendarText.Word(r.Response)}")})")).ToList();
        return new ToolResult($"Your schedule {label} ({zone.Id}):\n" + string.Join("\n", lines.Select(l => $"- {l.Item1}: {l.Item2}")))
        {
            Card = CalendarCards.Schedule($"Your schedule {label}", lines),
            Speak = $"You have {rows.Count} item{(rows.Count == 1 ? "" : "s")} {label}. The first is {rows[0].Event.Title} at {CalendarText.When(rows[0].Event.StartsAt, zone)}.",
        };
    }

    /// <summary>The period as instants, its days counted on the caller's wall clock (weeks start on Monday).</summary>
    internal static (DateTimeOffset From, DateTimeOffset Until, string Label) Window(SchedulePeriod period, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var (first, days, label) = period switch
        {
            SchedulePeriod.Tomorrow => (today.AddDays(1), 1, "tomorrow"),
            SchedulePeriod.ThisWeek => (today, (monday.AddDays(7).DayNumber - today.DayNumber), "this week"),
            SchedulePeriod.NextWeek => (monday.AddDays(7), 7, "next week"),
            _ => (today, 1, "today"),
        };
        var from = NaturalDates.Local(first, TimeOnly.MinValue, zone);
        var until = NaturalDates.Local(first.AddDays(days), TimeOnly.MinValue, zone);
        return (from.ToUniversalTime(), until.ToUniversalTime(), label);
    }
}
