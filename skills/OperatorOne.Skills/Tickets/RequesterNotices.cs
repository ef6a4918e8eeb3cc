using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Members;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.Tickets;

/// <summary>
/// Tells a ticket's requester what happened to it (a status change, a public comment) through the outbox, in the
/// tool's own unit of work. A member who chose email (or both) is told where they prefer; otherwise in the conversation
/// they opened it from when we know it (a guest's call or chat included), else wherever the member talks to us. A guest
/// who wrote by mail is answered in the mail threads about the ticket. Nobody is told about their own action.
/// </summary>
internal static class RequesterNotices
{
    public static async Task TellAsync(OperatorOneDb db, Caller caller, OutboxWriter outbox, DateTimeOffset now, Ticket ticket, string message, CancellationToken cancellationToken)
    {
        if (IsRequester(caller, ticket))
        {
            return;
        }
        foreach (var conversation in await WhereAsync(db, now, ticket, cancellationToken))
        {
            await outbox.SendAsync(db, conversation, Activity.Message(message), cancellationToken);
        }
    }

    private static bool IsRequester(Caller caller, Ticket ticket) =>
        ticket.RequesterId is { } requester ? requester == caller.MemberId
        : caller.IsGuest && ticket.GuestContact == caller.ChannelUserId;

    private static async Task<IReadOnlyList<Guid>> WhereAsync(OperatorOneDb db, DateTimeOffset now, Ticket ticket, CancellationToken cancellationToken)
    {
        if (ticket.RequesterId is { } member)
        {
            var prefersChat = await db.Members.AnyAsync(m => m.Id == member && m.NotifyBy == NoticePreference.Chat, cancellationToken);
            if (prefersChat && await OpenedAsync(db, ticket, cancellationToken) is { } opened)
            {
                return [opened];
            }
            var conversations = await NoticeConversations.ForMembersAsync(db, [member], now, cancellationToken);
            return conversations.Select(c => c.Id).ToList();
        }
        if (await OpenedAsync(db, ticket, cancellationToken) is { } guestOpened)
        {
            return [guestOpened];
        }
        // A guest who wrote by mail: the mail threads about this ticket, so the answer lands where they asked.
        return await db.EmailThreads.Where(t => t.TicketId == ticket.Id)
            .Join(db.Conversations, t => t.ConversationId, c => c.Id, (_, c) => c)
            .Where(c => !c.IsStale).Select(c => c.Id).Distinct().ToListAsync(cancellationToken);
    }

    private static async Task<Guid?> OpenedAsync(OperatorOneDb db, Ticket ticket, CancellationToken cancellationToken) =>
        ticket.RequesterConversationId is { } opened
        && await db.Conversations.FindAsync([opened], cancellationToken) is Conversation { IsStale: false }
            ? opened
            : null;
}
