using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>Delivers one claimed outbox message through its channel and records what happened.</summary>
internal sealed class OutboxDelivery(OperatorOneDb db, IEnumerable<IChannelSender> senders, OutboxWriter outbox, OutboxSignal signal, TimeProvider clock,
    BotMetrics metrics, IEnumerable<IWebhookSender> webhooks)
{
    internal const int MaxAttempts = 10;

    public async Task DeliverAsync(long id, Guid organizationId, string worker, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.OutboxSpan);
        span?.SetTag("operatorone.outbox.id", id);
        span?.SetTag(BotTelemetry.OrganizationTag, organizationId.ToString());
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.ClaimedBy == worker && m.Status == OutboxStatus.Pending, cancellationToken);
        if (message is null)
        {
            return;
        }
        if (message.Kind == OutboxKind.Webhook)
        {
            await DeliverWebhookAsync(message, span, cancellationToken);
            return;
        }
        var conversation = await db.Conversations.SingleAsync(c => c.Id == message.ConversationId, cancellationToken);
        var sender = senders.FirstOrDefault(s => s.Channel == conversation.Channel);
        span?.SetTag(BotTelemetry.ChannelTag, conversation.Channel);
        span?.SetTag("operatorone.outbox.kind", message.Kind.ToString());
        var reference = BotJson.Deserialize<ConversationReference>(conversation.Reference);
        var activity = reference.Address(BotJson.Deserialize<Activity>(message.Activity));

        var result = sender is null
            ? new DeliveryResult.Undeliverable($"The {conversation.Channel} channel is not configured.", StaleConversation: false)
            : await SendAsync(sender, message, reference, activity, cancellationToken);
        var now = clock.GetUtcNow();
        var notify = false;
        switch (result)
        {
            case DeliveryResult.Delivered delivered:
                message.Status = OutboxStatus.Sent;
                message.SentAt = now;
                message.SentActivityId = delivered.ActivityId;
                if (message.Kind == OutboxKind.Send && message.CardCopyId is { } copyId)
                {
                    await db.ApprovalCardCopies.Where(c => c.Id == copyId)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.ActivityId, delivered.ActivityId), cancellationToken);
                }
                break;
            case DeliveryResult.RetryLater retry:
                message.Attempts++;
                message.LastError = retry.Reason;
                message.Status = message.Attempts >= MaxAttempts ? OutboxStatus.Dead : OutboxStatus.Pending;
                message.NextAttemptAt = now + Backoff(message.Attempts, retry.After);
                break;
            case DeliveryResult.Undeliverable failure:
                message.Attempts++;
                message.Status = OutboxStatus.Dead;
                message.LastError = failure.Reason;
                if (failure.StaleConversation && !conversation.IsStale)
                {
                    conversation.IsStale = true;
                    await UnreachableNotices.QueueAsync(db, outbox, conversation, sender?.DisplayName ?? conversation.Channel, failure.Reason, cancellationToken);
                    notify = true;
                }
                db.AuditEvents.Add(new AuditEvent
                {
                    OrganizationId = organizationId,
                    ConversationId = conversation.Id,
                    Kind = "delivery_failed",
                    Outcome = failure.StaleConversation ? "stale_conversation" : "undeliverable",
                    Detail = System.Text.Json.JsonSerializer.Serialize(new { channel = conversation.Channel, reason = failure.Reason, outbox = message.Id }),
                    CreatedAt = now,
                });
                // Email fallback: a member's notice that its chat can no longer take goes to their address instead.
                if ((failure.StaleConversation || sender is null)
                    && await EmailFallback.RerouteAsync(db, outbox, message, conversation, failure.Reason, now, cancellationToken))
                {
                    notify = true;
                }
                break;
        }
        message.ClaimedBy = null;
        message.ClaimedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        var outcome = message.Status == OutboxStatus.Pending ? "retry" : message.Status.ToString().ToLowerInvariant();
        span?.SetTag(BotTelemetry.OutcomeTag, outcome);
        metrics.OutboxDelivered(conversation.Channel, outcome);
        if (notify)
        {
            signal.Notify();
        }
    }

    /// <summary>A webhook delivery: the same retries and backoff, no conversation to mark stale; the sender stops a subscription on 410.</summary>
    private async Task DeliverWebhookAsync(OutboxMessage message, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        const string Channel = "webhook";
        span?.SetTag(BotTelemetry.ChannelTag, Channel);
        span?.SetTag("operatorone.outbox.kind", message.Kind.ToString());
        var result = webhooks.FirstOrDefault() is { } sender
            ? await sender.SendAsync(message, cancellationToken)
            : new DeliveryResult.Undeliverable("Webhooks are not configured.", StaleConversation: false);
        var now = clock.GetUtcNow();
        message.Attempts++;
        switch (result)
        {
            case DeliveryResult.Delivered delivered:
                message.Status = OutboxStatus.Sent;
                message.SentAt = now;
                // The receiver's answer ("HTTP 200"), for the delivery log.
                message.SentActivityId = delivered.ActivityId;
                break;
            case DeliveryResult.RetryLater retry:
                message.LastError = retry.Reason;
                message.Status = message.Attempts >= MaxAttempts ? OutboxStatus.Dead : OutboxStatus.Pending;
                message.NextAttemptAt = now + Backoff(message.Attempts, retry.After);
                break;
            case DeliveryResult.Undeliverable failure:
                message.Status = OutboxStatus.Dead;
                message.LastError = failure.Reason;
                break;
        }
        message.ClaimedBy = null;
        message.ClaimedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        var outcome = message.Status == OutboxStatus.Pending ? "retry" : message.Status.ToString().ToLowerInvariant();
        span?.SetTag(BotTelemetry.OutcomeTag, outcome);
        metrics.OutboxDelivered(Channel, outcome);
    }

    private async Task<DeliveryResult> SendAsync(IChannelSender sender, OutboxMessage message, ConversationReference reference, Activity activity,
        CancellationToken cancellationToken)
    {
        if (message.Kind == OutboxKind.Send)
        {
            // A stable id makes a repeated send (crash after sending, before recording) replace rather than duplicate where the channel allows.
            return await sender.SendAsync(reference, activity with { Id = $"op-{message.Id}" }, cancellationToken);
        }
        var copy = await db.ApprovalCardCopies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.CardCopyId, cancellationToken);
        if (copy?.ActivityId is not { } activityId)
        {
            // The card itself has not been delivered yet; updates wait for it.
            return new DeliveryResult.RetryLater("The card to update has not been delivered yet.", TimeSpan.FromSeconds(1));
        }
        return await sender.UpdateAsync(reference, activityId, activity with { Id = activityId }, cancellationToken);
    }

    internal static TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
        return retryAfter is { } after && after > exponential ? after : exponential;
    }
}
