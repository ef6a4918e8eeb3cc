using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>
/// The one way out: every reply, notice and card update is a row written in the caller's unit of work, so a message
/// exists exactly when the change that caused it commits. The outbox delivers it (or the turn's own request does,
/// right after its commit).
/// </summary>
public sealed class OutboxWriter(TimeProvider clock)
{
    /// <summary>A message to a conversation the bot knows.</summary>
    public OutboxMessage Send(OperatorOneDb db, Conversation conversation, Activity activity, Guid? cardCopyId = null) =>
        Add(db, conversation.OrganizationId, conversation.Channel, conversation.Id, null, OutboxKind.Send, activity, cardCopyId);

    /// <summary>A message to a conversation known by id only (the channel is looked up).</summary>
    public async Task<OutboxMessage?> SendAsync(OperatorOneDb db, Guid conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var conversation = db.Conversations.Local.FirstOrDefault(c => c.Id == conversationId)
            ?? await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        return conversation is null ? null : Send(db, conversation, activity);
    }

    /// <summary>A message to a member on a channel where the bot has no conversation with them yet: delivery opens one.</summary>
    public OutboxMessage SendToMember(OperatorOneDb db, Guid organizationId, string channel, Guid memberId, Activity activity, Guid? cardCopyId = null) =>
        Add(db, organizationId, channel, null, memberId, OutboxKind.Send, activity, cardCopyId);

    /// <summary>Replaces a delivered card copy; waits until the copy itself has been delivered.</summary>
    public OutboxMessage Update(OperatorOneDb db, Guid organizationId, string channel, Guid? conversationId, Guid cardCopyId, Activity activity) =>
        Add(db, organizationId, channel, conversationId, null, OutboxKind.Update, activity, cardCopyId);

    /// <summary>The outbox channel name of webhook deliveries (not a conversation channel).</summary>
    public const string WebhookChannel = "webhook";

    /// <summary>Posts <paramref name="payload"/> (an event's JSON) to a webhook subscription, signed when sent.</summary>
    public static OutboxMessage Webhook(OperatorOneDb db, Guid organizationId, Guid subscriptionId, string payload, DateTimeOffset now)
    {
        var message = new OutboxMessage
        {
            OrganizationId = organizationId,
            Channel = WebhookChannel,
            WebhookSubscriptionId = subscriptionId,
            Kind = OutboxKind.Webhook,
            Activity = payload,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    private OutboxMessage Add(OperatorOneDb db, Guid organizationId, string channel, Guid? conversationId, Guid? memberId, OutboxKind kind,
        Activity activity, Guid? cardCopyId)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            OrganizationId = organizationId,
            Channel = channel,
            ConversationId = conversationId,
            MemberId = memberId,
            Kind = kind,
            Activity = BotJson.Serialize(activity),
            CardCopyId = cardCopyId,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
