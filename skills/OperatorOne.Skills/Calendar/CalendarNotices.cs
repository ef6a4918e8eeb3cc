using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Calendar;
using OperatorOne.Skills.ServiceDesk;

namespace OperatorOne.Skills.Calendar;

/// <summary>Tells attendees about an event where they talk to us, through the outbox, each in their own time zone.</summary>
internal static class CalendarNotices
{
    public static Task SendAsync(ToolContext context, CalendarEvent e, IReadOnlyCollection<Guid> members, Func<string, string> message, CancellationToken cancellationToken) =>
        SendAsync(context, members, zone => message(CalendarText.Span(e, zone)), cancellationToken);

    /// <summary>Each recipient's message is written for their own zone (a move says both the old and the new time).</summary>
    public static async Task SendAsync(ToolContext context, IReadOnlyCollection<Guid> members, Func<TimeZoneInfo, string> message, CancellationToken cancellationToken)
    {
        if (members.Count == 0)
        {
            return;
        }
        var zones = await CalendarQueries.ZonesAsync(context.Db, members, cancellationToken);
        foreach (var conversation in await Recipients.ConversationsAsync(context.Db, members, cancellationToken))
        {
            var zone = zones.GetValueOrDefault(conversation.MemberId!.Value, TimeZoneInfo.Utc);
            context.Outbox.Send(context.Db, conversation, Activity.Message(message(zone)));
        }
    }
}
