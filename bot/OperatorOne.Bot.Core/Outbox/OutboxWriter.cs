using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>
/// Queues proactive messages in the caller's unit of work: a message exists exactly when the change that
/// caused it commits. The outbox worker delivers it.
/// </summary>
public sealed class OutboxWriter(TimeProvider clock)
{
    public OutboxMessage Send(OperatorOneDb db, Guid organizationId, Guid conversationId, Activity activity, Guid? cardCopyId = null) =>
        Add(db, organizationId, conversationId, OutboxKind.Send, activity, cardCopyId);

    /// <summary>Replaces a delivered card copy; waits until the copy itself has been delivered.</summary>
    public OutboxMessage Update(OperatorOneDb db, Guid organizationId, Guid conversationId, Guid cardCopyId, Activity activity) =>
        Add(db, organizationId, conversationId, OutboxKind.Update, activity, cardCopyId);

    /// <summary>Posts <paramref name="payload"/> (an event's JSON) to a webhook subscription, signed when sent.</summary>
    public static OutboxMessage Webhook(OperatorOneDb db, Guid organizationId, Guid subscriptionId, string payload, DateTimeOffset now)
    {
        var message = new OutboxMessage
        {
            OrganizationId = organizationId,
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

    private OutboxMessage Add(OperatorOneDb db, Guid organizationId, Guid conversationId, OutboxKind kind, Activity activity, Guid? cardCopyId)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            OrganizationId = organizationId,
            ConversationId = conversationId,
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
