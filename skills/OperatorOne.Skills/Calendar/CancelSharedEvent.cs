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
/// Cancels an event someone else organizes and tells its attendees (the organizer among them). Reached through
/// <see cref="CancelEvent"/> when an admin cancels another member's event; a RiskyWrite,
/// so it runs only once an approver approves. Organizers cancel their own events at once, through <see cref="ApplyAsync"/>.
/// </summary>
internal static class CancelSharedEvent
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "cancel_shared_event",
        Description = "Cancel an event someone else organizes, and tell its attendees",
        Tier = ToolTier.RiskyWrite,
        MinimumRole = MemberRole.Member,
        ApproverRole = MemberRole.Admin,
        Handler = RunAsync,
        Summarize = SummarizeAsync,
        Check = CheckAsync,
        // Only when the sentence says the event is someone else's, or that its attendees are told: see SharedEventPhrases.
        Utterances =
        [
            Utterance.Of($"{Verb} {SharedNumbered}{Organiser}?({ForEveryone})?{Notify}?{Reason}"),
            Utterance.Of($"{Verb} {Numbered}{Organiser}({ForEveryone})?{Notify}?{Reason}"),
            Utterance.Of($"{Verb} {Numbered}{Organiser}?({ForEveryone}|{Notify}|{OffTeamCalendar}){Reason}"),
            Utterance.Of($"{Verb} {SharedNumbered}{Organiser}?{FromNowOn}({ForEveryone})?{Notify}?{Reason}", Series()),
            Utterance.Of($"{Verb} {Numbered}{Organiser}{FromNowOn}({ForEveryone})?{Notify}?{Reason}", Series()),
            Utterance.Of($"{Verb} {Numbered}{Organiser}?{FromNowOn}({ForEveryone}|{Notify}){Reason}", Series()),
        ],
    };

    private const string Verb = "(please )?((can|could) you |(i |we )?(want|need) to )?(cancel|call off|scrap|drop|delete|remove|kill|axe|scratch)";
    // "remove event 11 from the team calendar": a team calendar's events are shared by everyone on it.
    private const string OffTeamCalendar = " (off|from) (the|our) (team|shared) calendar";

    private static Dictionary<string, string> Series() => new() { ["series"] = "true" };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        OutboxWriter outbox,
        TimeProvider clock,
        [Description("The event number, e.g. 5.")] int number,
        [Description("True to cancel this and every later occurrence of its recurring series.")] bool series = false,
        CancellationToken cancellationToken = default)
    {
        var found = await db.CalendarEvents.FirstOrDefaultAsync(e => e.Number == number && e.CancelledAt == null, cancellationToken);
        if (found is null)
        {
            return ToolResult.Refused($"Event #{number} isn't on the calendar any more.");
        }
        if (found.OrganizerId != caller.MemberId && caller.Role < MemberRole.Admin)
        {
            return ToolResult.Refused($"Only the organizer or an admin can cancel #{found.Number} {found.Title}.");
        }
        return await ApplyAsync(db, caller, outbox, clock.GetUtcNow(), found, series, cancellationToken);
    }

    /// <summary>Cancels the event (or it and the rest of its series) and tells everyone invited but the caller.</summary>
    public static async Task<ToolResult> ApplyAsync(OperatorOneDb db, Caller caller, OutboxWriter outbox, DateTimeOffset now, CalendarEvent found, bool series, CancellationToken cancellationToken)
    {
        var cancelled = series && found.SeriesId is { } seriesId
            ? await db.CalendarEvents.Where(e => e.SeriesId == seriesId && e.CancelledAt == null && e.StartsAt >= found.StartsAt)
                .OrderBy(e => e.StartsAt).ToListAsync(cancellationToken)
            : [found];
        foreach (var e in cancelled)
        {
            e.CancelledAt = now;
        }
        var ids = cancelled.Select(e => e.Id).ToList();
        var others = await db.EventAttendees.Where(a => ids.Contains(a.EventId) && a.MemberId != caller.MemberId)
            .Select(a => a.MemberId).Distinct().ToListAsync(cancellationToken);
        var who = caller.DisplayName;
        var what = cancelled.Count == 1 ? $"#{found.Number} {found.Title}" : $"{cancelled.Count} occurrences of {found.Title}";
        await CalendarNotices.SendAsync(db, outbox, now, others, zone => cancelled.Count == 1
            ? $"{who} cancelled #{found.Number} {found.Title} ({CalendarText.Span(found, zone)})."
            : $"{who} cancelled {what}, from {CalendarText.Span(found, zone)} on.", cancellationToken, cancelled.Count == 1 ? (found, "CANCEL") : null);
        var zone = NaturalDates.Zone(caller.TimeZone);
        var told = others.Count == 0 ? "" : $" and told {others.Count} attendee{(others.Count == 1 ? "" : "s")}";
        return new ToolResult($"Cancelled {what} ({(cancelled.Count == 1 ? "" : "from ")}{CalendarText.Span(found, zone)}){told}.");
    }

    /// <summary>No approval is asked for an event that does not exist or is already cancelled.</summary>
    public static async Task<ToolResult?> CheckAsync(OperatorOneDb db, int number, CancellationToken cancellationToken) =>
        await db.CalendarEvents.AnyAsync(e => e.Number == number && e.CancelledAt == null, cancellationToken)
            ? null
            : ToolResult.Refused($"I couldn't find event #{number} on the calendar.");

    /// <summary>"Cancel event #5 Budget (2026-03-03 15:00 UTC) with 2 other attendees", each reader's clock on the card.</summary>
    public static async Task<string> SummarizeAsync(OperatorOneDb db, int number, bool series = false, CancellationToken cancellationToken = default)
    {
        var found = await db.CalendarEvents.FirstOrDefaultAsync(e => e.Number == number, cancellationToken);
        if (found is null)
        {
            return $"Cancel event #{number}";
        }
        var others = await db.EventAttendees.CountAsync(a => a.EventId == found.Id && a.MemberId != found.OrganizerId, cancellationToken);
        var rest = series && found.SeriesId is not null ? " and the rest of its series" : "";
        return $"Cancel event #{number} {found.Title}{rest} ({ApprovalSummary.Time(found.StartsAt)}), organized by someone else, " +
            $"with {others} other attendee{(others == 1 ? "" : "s")}";
    }
}
