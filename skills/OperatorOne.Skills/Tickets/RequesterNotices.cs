using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.ServiceDesk;

namespace OperatorOne.Skills.Tickets;

/// <summary>
/// Tells a ticket's requester what happened to it (a status change, a public comment) through the outbox, in the
/// tool's own unit of work: in the conversation they opened it from when we know it (a guest's call or chat included),
/// else wherever a member talks to us. Nobody is told about their own action.
/// </summary>
internal static class RequesterNotices
{
    public static async Task TellAsync(ToolContext context, Ticket ticket, string message, CancellationToken cancellationToken)
    {
        if (IsRequester(context.Caller, ticket))
        {
            return;
        }
        foreach (var conversation in await WhereAsync(context, ticket, cancellationToken))
        {
            context.Outbox.Send(context.Db, context.OrganizationId, conversation, Activity.Message(message));
        }
    }

    private static bool IsRequester(Caller caller, Ticket ticket) =>
        ticket.RequesterId is { } requester ? requester == caller.MemberId
        : caller.IsGuest && ticket.GuestContact == caller.ChannelUserId;

    private static async Task<IReadOnlyList<Guid>> WhereAsync(ToolContext context, Ticket ticket, CancellationToken cancellationToken)
    {
        if (ticket.RequesterConversationId is { } opened
            && await context.Db.Conversations.FindAsync([opened], cancellationToken) is Conversation { IsStale: false })
        {
            return [opened];
        }
        if (ticket.RequesterId is not { } member)
        {
            return [];
        }
        var conversations = await Recipients.ConversationsAsync(context.Db, [member], cancellationToken);
        return conversations.Select(c => c.Id).ToList();
    }
}
