using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// The outbox's way into web chat: a proactive message or a card update is one more entry in the conversation's
/// log, which every open stream (on any replica) then pushes. An update re-sends the activity under its original
/// id, and Web Chat replaces the rendered copy.
/// </summary>
internal sealed class WebChatSender(IServiceScopeFactory scopes) : IChannelSender
{
    public string Channel => ChannelNames.WebChat;

    public ChannelDelivery Delivery => ChannelDelivery.Log;

    // The outbox's stable id for a send ("op-<row>") keys the log entry, so a repeated send (a replica that died after
    // logging and before recording it, or one that lost its claim while starved) returns the entry logged the first time
    // instead of showing the message twice. The entry itself gets a Direct Line id of its own.
    public Task<DeliveryResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        AppendAsync(reference, activity with { Id = null }, deliveryKey: activity.Id, cancellationToken);

    public Task<DeliveryResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken) =>
        AppendAsync(reference, activity with { Id = activityId }, deliveryKey: null, cancellationToken);

    private async Task<DeliveryResult> AppendAsync(ConversationReference reference, Activity activity, string? deliveryKey, CancellationToken cancellationToken)
    {
        // Our own unit of work: the entry must commit whatever the caller's transaction does next.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var log = scope.ServiceProvider.GetRequiredService<DirectLineLog>();
        var conversationId = reference.Conversation.Id;
        var found = await db.Database
            .SqlQuery<Guid?>($"SELECT op_find_direct_line_conversation({conversationId}) AS \"Value\"")
            .ToListAsync(cancellationToken);
        if (found is not [{ } organizationId])
        {
            return new DeliveryResult.Undeliverable($"No web chat conversation {conversationId}.", StaleConversation: true);
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var conversation = await log.FindAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return new DeliveryResult.Undeliverable($"No web chat conversation {conversationId}.", StaleConversation: true);
        }
        var logged = await log.AppendAsync(conversation, WebChatTurns.AsBotActivity(activity, conversation, replyToId: null) with { Id = activity.Id }, clientActivityId: deliveryKey, cancellationToken);
        return logged?.Activity.Id is { } id
            ? new DeliveryResult.Delivered(id)
            : new DeliveryResult.Undeliverable($"No web chat conversation {conversationId}.", StaleConversation: true);
    }
}
