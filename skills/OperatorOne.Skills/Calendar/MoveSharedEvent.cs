using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;
using static OperatorOne.Skills.Calendar.SharedEventPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Moves an event someone else organizes and tells its attendees. Reached through <see cref="MoveEvent"/> once clashes
/// were reported and answered, when an admin moves another member's event. A RiskyWrite,
/// like <see cref="CancelSharedEvent"/>: it changes the organizer's and attendees' days and withdraws their answers, so
/// an approver signs off; organizers move their own events at once through <see cref="ApplyAsync"/>.
/// </summary>
internal static class MoveSharedEvent
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "move_shared_event",
        Description = "Move an event someone else organizes, and tell its attendees",
        Tier = ToolTier.RiskyWrite,
        MinimumRole = MemberRole.Member,
        ApproverRole = MemberRole.Admin,
        Handler = RunAsync,
        Summarize = SummarizeAsync,
        Check = CancelSharedEvent.CheckAsync,
        // Only when the sentence says the event is someone else's, or that its attendees are told: see SharedEventPhrases.
        Utterances =
        [
            Utterance.Of($"{Verb} {SharedNumbered}{Organiser}?({ForEveryone})?{To}({ForEveryone})?{Notify}?{Reason}"),
            Utterance.Of($"{Verb} {Numbered}{Organiser}({ForEveryone})?{To}({ForEveryone})?{Notify}?{Reason}"),
            Utterance.Of($"{Verb} {Numbered}{Organiser}?{ForEveryone}{To}{Notify}?{Reason}"),
            Utterance.Of($"{Verb} {Numbered}{Organiser}?{To}({ForEveryone}|{Notify})"),
        ],
    };

    private const string Verb = "(please )?((can|could) you |(i |we )?(want|need) to )?(move|reschedule|re-schedule|shift|push|bump|rebook|change)";
    private const string To = $" (to |until |till |for |on )?(?<starts_at>{When})( instead)?";

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        OutboxWriter outbox,
        TimeProvider clock,
        [Description("The event number, e.g. 5.")] int number,
        [Description("The new start.")] DateTimeOffset starts_at,
        CancellationToken cancellationToken = default)
    {
        var found = await db.CalendarEvents.FirstOrDefaultAsync(e => e.Number == number && e.CancelledAt == null, cancellationToken);
        if (found is null)
        {
            return ToolResult.Refused($"Event #{number} isn't on the calendar any more.");
        }
        if (found.OrganizerId != caller.MemberId && caller.Role < MemberRole.Admin)
        {
            return ToolResult.Refused($"Only the organizer or an admin can move #{found.Number} {found.Title}.");
        }
        var zone = NaturalDates.Zone(caller.TimeZone);
        // The approval may come late: a start that has passed by then is refused rather than booked in the past.
        if (starts_at < clock.GetUtcNow().AddMinutes(-1))
        {
            return ToolResult.Refused($"{CalendarText.When(starts_at, zone)} has already passed, so #{found.Number} {found.Title} stays where it is.");
        }
        var told = await ApplyAsync(db, caller, outbox, clock.GetUtcNow(), found, starts_at.ToUniversalTime(), cancellationToken);
        return new ToolResult($"Moved #{found.Number} {found.Title} to {CalendarText.Span(found, zone)} and asked {told} attendee{(told == 1 ? "" : "s")} to answer again.");
    }

    /// <summary>
    /// Moves the event keeping its length; every invitee's answer goes back to pending (a yes for Tuesday is not a yes
    /// for Friday) and everyone but the caller hears. Reminders are claimed per (event, member, start), so the new
    /// start is reminded on its own; the old claims are dropped too, so moving it back later reminds again.
    /// Returns how many people were told.
    /// </summary>
    public static async Task<int> ApplyAsync(OperatorOneDb db, Caller caller, OutboxWriter outbox, DateTimeOffset now, CalendarEvent e, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var (oldStart, oldEnd) = (e.StartsAt, e.EndsAt);
        e.StartsAt = start;
        e.EndsAt = start + (oldEnd - oldStart);
        var attendees = await db.EventAttendees.Where(a => a.EventId == e.Id).ToListAsync(cancellationToken);
        foreach (var attendee in attendees.Where(a => a.MemberId != e.OrganizerId))
        {
            attendee.Response = RsvpResponse.Pending;
            attendee.RespondedAt = null;
        }
        await db.EventReminders.Where(r => r.EventId == e.Id).ExecuteDeleteAsync(cancellationToken);
        var told = attendees.Select(a => a.MemberId).Where(id => id != caller.MemberId).ToList();
        var who = caller.DisplayName;
        await CalendarNotices.SendAsync(db, outbox, now, told, zone =>
            $"{who} moved #{e.Number} {e.Title} to {CalendarText.Span(e, zone)} (was {CalendarText.Span(oldStart, oldEnd, zone)}). " +
            $"Say 'accept event {e.Number}' or 'decline event {e.Number}'.", cancellationToken, (e, "REQUEST"));
        return told.Count;
    }

    /// <summary>"Move event #5 Budget from 2026-03-03 15:00 UTC to 2026-03-06 10:00 UTC with 2 other attendees", each reader's clock on the card.</summary>
    public static async Task<string> SummarizeAsync(OperatorOneDb db, int number, DateTimeOffset starts_at, CancellationToken cancellationToken)
    {
        var found = await db.CalendarEvents.FirstOrDefaultAsync(e => e.Number == number, cancellationToken);
        if (found is null)
        {
            return $"Move event #{number}";
        }
        var others = await db.EventAttendees.CountAsync(a => a.EventId == found.Id && a.MemberId != found.OrganizerId, cancellationToken);
        return $"Move event #{number} {found.Title} from {ApprovalSummary.Time(found.StartsAt)} to {ApprovalSummary.Time(starts_at)} " +
            $"with {others} other attendee{(others == 1 ? "" : "s")}";
    }
}
