using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Cancels an event other people are invited to and tells them. Reached through <see cref="CancelEvent"/> (it has no
/// phrases of its own); a RiskyWrite, so it runs only once an approver approves.
/// </summary>
internal static class CancelSharedEvent
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "cancel_shared_event",
        Description = "Cancel an event other people are invited to, and tell them",
        Tier = ToolTier.RiskyWrite,
        MinimumRole = MemberRole.Member,
        ApproverRole = MemberRole.Admin,
        Handler = RunAsync,
        Summarize = SummarizeAsync,
    };

    public static async Task<ToolResult> RunAsync(
        ToolContext context,
        [Description("The event number, e.g. 5.")] int number,
        CancellationToken cancellationToken = default)
    {
        var found = await context.Db.CalendarEvents.FirstOrDefaultAsync(e => e.Number == number && e.CancelledAt == null, cancellationToken);
        if (found is null)
        {
            return ToolResult.Refused($"Event #{number} isn't on the calendar any more.");
        }
        if (found.OrganizerId != context.Caller.MemberId && context.Caller.Role < MemberRole.Admin)
        {
            return ToolResult.Refused($"Only the organizer or an admin can cancel #{found.Number} {found.Title}.");
        }
        found.CancelledAt = context.Now;
        var others = await context.Db.EventAttendees.Where(a => a.EventId == found.Id && a.MemberId != context.Caller.MemberId)
            .Select(a => a.MemberId).ToListAsync(cancellationToken);
        var who = context.Caller.DisplayName;
        await CalendarNotices.SendAsync(context, found, others, when => $"{who} cancelled #{found.Number} {found.Title} ({when}).", cancellationToken, invitation: "CANCEL");
        var zone = NaturalDates.Zone(context.Caller.TimeZone);
        return new ToolResult($"Cancelled #{found.Number} {found.Title} ({CalendarText.Span(found, zone)}) and told {others.Count} attendee{(others.Count == 1 ? "" : "s")}.");
    }

    /// <summary>"Cancel event #5 Budget (Tue 3 Mar 15:00 UTC) with 2 other attendees" on the approval card.</summary>
    public static async Task<string> SummarizeAsync(ToolCall call, ToolContext context, CancellationToken cancellationToken)
    {
        if (call.IntArgument("number") is not { } number)
        {
            return "Cancel an event";
        }
        var found = await context.Db.CalendarEvents.FirstOrDefaultAsync(e => e.Number == number, cancellationToken);
        if (found is null)
        {
            return $"Cancel event #{number}";
        }
        var others = await context.Db.EventAttendees.CountAsync(a => a.EventId == found.Id && a.MemberId != found.OrganizerId, cancellationToken);
        return $"Cancel event #{number} {found.Title} ({CalendarText.When(found.StartsAt, TimeZoneInfo.Utc)} UTC) with {others} other attendee{(others == 1 ? "" : "s")}";
    }
}
