using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Channels;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Tells attendees about an event where they talk to us, through the outbox, each in their own time zone. A notice
/// that invites, moves or cancels carries, to a mail recipient, the event as iCalendar so their mail client shows it.
/// </summary>
internal static class CalendarNotices
{
    public static Task SendAsync(OperatorOneDb db, OutboxWriter outbox, DateTimeOffset now, CalendarEvent e, IReadOnlyCollection<Guid> members, Func<string, string> message, CancellationToken cancellationToken,
        string? invitation = null) =>
        SendAsync(db, outbox, now, members, zone => message(CalendarText.Span(e, zone)), cancellationToken, invitation is null ? null : (e, invitation));

    /// <summary>Each recipient's message is written for their own zone (a move says both the old and the new time).</summary>
    public static async Task SendAsync(OperatorOneDb db, OutboxWriter outbox, DateTimeOffset now, IReadOnlyCollection<Guid> members, Func<TimeZoneInfo, string> message, CancellationToken cancellationToken,
        (CalendarEvent Event, string Method)? invitation = null)
    {
        if (members.Count == 0)
        {
            return;
        }
        var zones = await MemberZones.OfAsync(db, members, cancellationToken);
        var conversations = await NoticeConversations.ForMembersAsync(db, members, now, cancellationToken);
        var organizer = invitation is { } invite && conversations.Any(c => c.Channel == ChannelNames.Email)
            ? await db.Members.AsNoTracking().Where(m => m.Id == invite.Event.OrganizerId).Select(m => new { m.DisplayName, m.Email }).SingleAsync(cancellationToken)
            : null;
        foreach (var conversation in conversations)
        {
            var zone = zones.GetValueOrDefault(conversation.MemberId!.Value, TimeZoneInfo.Utc);
            var activity = Activity.Message(message(zone));
            // Only mail clients act on iCalendar; chats answer with "accept event 12".
            if (invitation is { } sent && organizer is not null && conversation.Channel == ChannelNames.Email
                && BotJson.Deserialize<ConversationReference>(conversation.Reference) is { User.Id: { } address, Bot.Id: { } mailbox } reference)
            {
                var ics = MailInvitations.Write(sent.Event, sent.Method, organizer.DisplayName, EmailConversations.Address(organizer.Email) ?? mailbox,
                    reference.User.Name ?? address, address, now);
                activity = activity with { Entities = [CalendarInvitation.Entity(ics)] };
            }
            outbox.Send(db, conversation, activity);
        }
    }
}
