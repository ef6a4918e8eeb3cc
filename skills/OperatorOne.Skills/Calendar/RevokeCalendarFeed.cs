using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Calendar;

/// <summary>Turns the caller's calendar feed links off: subscribed clients get 410 Gone from then on.</summary>
internal static class RevokeCalendarFeed
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "revoke_calendar_feed",
        Description = "Revoke my calendar feed link so it stops working",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "revoke my calendar feed link", "turn off my calendar subscription", "my feed link leaked, disable it"
            Utterance.Of("(please )?(revoke|disable|turn off|switch off|stop|kill|delete|remove|cancel|invalidate|reset|rotate) (my |the )?(calendar |ical |ics )?(feed|subscription)( link| url| address)?"),
            Utterance.Of("(please )?(unsubscribe|stop sharing) my calendar( feed)?"),
            Utterance.Of("my (calendar )?(feed|subscription)( link| url)? (leaked|was shared|is compromised)(,? (revoke|disable|turn off|kill) it)?"),
        ],
        HelpExample = "revoke my calendar feed link",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, Caller caller, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var me = caller.MemberId!.Value;
        var active = await db.CalendarFeeds.Where(f => f.MemberId == me && f.RevokedAt == null).ToListAsync(cancellationToken);
        if (active.Count == 0)
        {
            return new ToolResult("You have no calendar feed link; nothing to revoke. Say 'give me my calendar feed link' to make one.");
        }
        foreach (var feed in active)
        {
            feed.RevokedAt = clock.GetUtcNow();
        }
        return new ToolResult("Revoked your calendar feed link: calendars subscribed to it stop updating. Say 'give me my calendar feed link' for a new one.");
    }
}
