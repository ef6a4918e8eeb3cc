using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.ServiceDesk;

namespace OperatorOne.Skills.Tickets;

/// <summary>
/// Keeps the requester informed when someone else changes their ticket: a guest in the mail thread they opened it
/// with, a member who chose email (or both) where they prefer. Members who chose chat are not told, as before.
/// </summary>
internal static class TicketNotices
{
    public static async Task TellRequesterAsync(ToolContext context, Ticket ticket, string text, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        var db = context.Db;
        if (ticket.RequesterId is { } requester)
        {
            var prefersEmail = requester != caller.MemberId
                && await db.Members.AnyAsync(m => m.Id == requester && m.IsActive && m.NotifyBy != NoticePreference.Chat, cancellationToken);
            if (prefersEmail)
            {
                foreach (var conversation in await Recipients.ConversationsAsync(db, [requester], context.Now, cancellationToken))
                {
                    context.Outbox.Send(db, context.OrganizationId, conversation.Id, Activity.Message(text));
                }
            }
            return;
        }
        if (caller.IsGuest && ticket.GuestContact == caller.ChannelUserId)
        {
            return;
        }
        // The guest's own mail threads about this ticket: the answer lands where they asked.
        var threads = await db.EmailThreads.Where(t => t.TicketId == ticket.Id)
            .Join(db.Conversations, t => t.ConversationId, c => c.Id, (_, c) => c)
            .Where(c => !c.IsStale).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var conversation in threads)
        {
            context.Outbox.Send(db, context.OrganizationId, conversation, Activity.Message(text));
        }
    }
}
