using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>
/// Delivers one claimed outbox message through its channel and records what happened. Nothing here runs inside a
/// database transaction while the channel is called: the row is read, the channel called, then the outcome saved.
/// </summary>
internal sealed class OutboxDelivery(OperatorOneDb db, IEnumerable<IChannelSender> senders, IEnumerable<IProactiveConversations> openers,
    OutboxWriter outbox, WorkSignal signal, TimeProvider clock, BotMetrics metrics, IEnumerable<IWebhookSender> webhooks, HaltPoints halts)
{
    internal const int MaxAttempts = 10;

    public async Task DeliverAsync(long id, Guid organizationId, string replica, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.OutboxSpan);
        span?.SetTag("operatorone.outbox.id", id);
        span?.SetTag(BotTelemetry.OrganizationTag, organizationId.ToString());
        var found = await FindClaimedAsync(id, organizationId, replica, cancellationToken);
        if (found is null)
        {
            return;
        }
        var message = found.Message;
        if (message.Kind == OutboxKind.Webhook)
        {
            await DeliverWebhookAsync(message, span, cancellationToken);
            return;
        }
        span?.SetTag(BotTelemetry.ChannelTag, message.Channel);
        span?.SetTag("operatorone.outbox.kind", message.Kind.ToString());
        var sender = senders.FirstOrDefault(s => s.Channel == message.Channel);
        var conversation = found.Conversation ?? await ConversationAsync(message, cancellationToken);
        await halts.ReachedAsync(HaltPoints.Delivering, message.Channel, id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var result = (sender, conversation) switch
        {
            (null, _) => new DeliveryResult.Undeliverable($"The {message.Channel} channel is not configured.", StaleConversation: false),
            (_, null) when message.Kind == OutboxKind.Update => new DeliveryResult.RetryLater("The card to update has not been delivered yet.", TimeSpan.FromSeconds(1)),
            (_, null) => new DeliveryResult.Undeliverable($"No {message.Channel} conversation could be opened with this member.", StaleConversation: false),
            _ => await SendAsync(sender, message, conversation, cancellationToken),
        };
        // Not inside span?.SetTag(…): without a listener the span is null and its arguments are never evaluated.
        var outcome = await SaveOutcomeAsync(message, conversation, sender, result, cancellationToken);
        span?.SetTag(BotTelemetry.OutcomeTag, outcome);
    }

    /// <summary>
    /// Records what a channel answered for a claimed row sent without reading it (a turn's own reply, which
    /// <see cref="OutboxDeliveries"/> sends from memory), the way <see cref="DeliverAsync"/> records its own sends.
    /// </summary>
    public async Task SettleAsync(long id, Guid organizationId, string replica, DeliveryResult result, CancellationToken cancellationToken)
    {
        var found = await FindClaimedAsync(id, organizationId, replica, cancellationToken);
        if (found is null)
        {
            return;
        }
        await SaveOutcomeAsync(found.Message, found.Conversation, senders.FirstOrDefault(s => s.Channel == found.Message.Channel), result, cancellationToken);
    }

    /// <summary>Records the channel's answer on the row, saves it, counts it and wakes the queue for notices it queued; the outcome's name.</summary>
    private async Task<string> SaveOutcomeAsync(OutboxMessage message, Conversation? conversation, IChannelSender? sender, DeliveryResult result,
        CancellationToken cancellationToken)
    {
        var notify = await RecordAsync(message, conversation, sender, result, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var outcome = message.Status == OutboxStatus.Pending ? "retry" : message.Status.ToString().ToLowerInvariant();
        metrics.OutboxDelivered(message.Channel, outcome);
        if (notify)
        {
            signal.Notify(OutboxQueue.QueueName);
        }
        return outcome;
    }

    /// <summary>
    /// The row, while this replica's claim on it is pending, and the conversation it names, in one round trip (both
    /// tracked). A join on the key: FirstOrDefault in the projection became a window over every conversation.
    /// </summary>
    private async Task<ClaimedRow?> FindClaimedAsync(long id, Guid organizationId, string replica, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        return await (
            from m in db.OutboxMessages
            where m.Id == id && m.ClaimedBy == replica && m.Status == OutboxStatus.Pending
            join c in db.Conversations on m.ConversationId equals (Guid?)c.Id into conversations
            from named in conversations.DefaultIfEmpty()
            select new ClaimedRow(m, named))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private sealed record ClaimedRow(OutboxMessage Message, Conversation? Conversation);

    /// <summary>
    /// The message's conversation; for a member the bot never talked to on that channel (an approver who only used the
    /// web chat), one is opened now — outside any transaction — and remembered, with the card copy it carries.
    /// </summary>
    private async Task<Conversation?> ConversationAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.ConversationId is { } conversationId)
        {
            return await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        }
        if (message.MemberId is not { } memberId)
        {
            // A card update follows its card: to the conversation the copy went to, once it has gone.
            var copyConversation = message.CardCopyId is { } cardCopyId
                ? await db.ApprovalCardCopies.Where(c => c.Id == cardCopyId).Select(c => c.ConversationId).SingleOrDefaultAsync(cancellationToken)
                : null;
            return copyConversation is { } id ? await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        }
        var conversation = await db.Conversations
            .Where(c => c.Channel == message.Channel && c.MemberId == memberId && !c.IsStale)
            .OrderByDescending(c => c.LastActivityAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (conversation is null && openers.FirstOrDefault(o => o.Channel == message.Channel) is { } opener
            && await db.ChannelIdentities.Where(i => i.Channel == message.Channel && i.MemberId == memberId)
                .Select(i => i.ExternalId).FirstOrDefaultAsync(cancellationToken) is { } externalId)
        {
            conversation = await opener.OpenAsync(db, message.OrganizationId, memberId, externalId, cancellationToken);
            if (conversation is not null && await db.Conversations.AsNoTracking()
                    .SingleOrDefaultAsync(c => c.Channel == conversation.Channel && c.ExternalId == conversation.ExternalId, cancellationToken) is { } existing)
            {
                // A 1:1 opened twice is the same conversation (another delivery opened it a moment ago).
                db.Conversations.Entry(conversation).State = EntityState.Detached;
                conversation = await db.Conversations.SingleAsync(c => c.Id == existing.Id, cancellationToken);
            }
        }
        if (conversation is not null)
        {
            if (db.Entry(conversation).State == EntityState.Added)
            {
                // Saved before anything points at it; a concurrent delivery that opened the same 1:1 first wins.
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    db.Entry(conversation).State = EntityState.Detached;
                    var (channel, opened) = (conversation.Channel, conversation.ExternalId);
                    conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Channel == channel && c.ExternalId == opened, cancellationToken)
                        ?? throw new InvalidOperationException($"The {channel} conversation just opened could not be saved.");
                }
            }
            message.ConversationId = conversation.Id;
            if (message.CardCopyId is { } copyId)
            {
                await db.ApprovalCardCopies.Where(c => c.Id == copyId && c.ConversationId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConversationId, conversation.Id), cancellationToken);
            }
        }
        return conversation;
    }

    private async Task<DeliveryResult> SendAsync(IChannelSender sender, OutboxMessage message, Conversation conversation, CancellationToken cancellationToken)
    {
        var reference = BotJson.Deserialize<ConversationReference>(conversation.Reference);
        var activity = reference.Address(BotJson.Deserialize<Activity>(message.Activity));
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

    /// <summary>Applies the channel's answer to the row; true when notices about an unreachable person were queued.</summary>
    private async Task<bool> RecordAsync(OutboxMessage message, Conversation? conversation, IChannelSender? sender, DeliveryResult result,
        CancellationToken cancellationToken)
    {
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
                message.NextAttemptAt = now + Backoff.After(message.Attempts, retry.After);
                break;
            case DeliveryResult.Undeliverable failure:
                message.Attempts++;
                message.Status = OutboxStatus.Dead;
                message.LastError = failure.Reason;
                if (failure.StaleConversation && conversation is { IsStale: false })
                {
                    conversation.IsStale = true;
                    await UnreachableNotices.QueueAsync(db, outbox, conversation, sender?.DisplayName ?? message.Channel, failure.Reason, cancellationToken);
                    notify = true;
                }
                db.AuditEvents.Add(new AuditEvent
                {
                    OrganizationId = message.OrganizationId,
                    ConversationId = conversation?.Id,
                    Kind = AuditKinds.DeliveryFailed,
                    Outcome = failure.StaleConversation ? "stale_conversation" : "undeliverable",
                    Detail = System.Text.Json.JsonSerializer.Serialize(new { channel = message.Channel, reason = failure.Reason, outbox = message.Id }),
                    CreatedAt = now,
                });
                // Email fallback: a member's notice that its chat can no longer take goes to their address instead.
                if ((failure.StaleConversation || sender is null) && conversation is not null
                    && await EmailFallback.RerouteAsync(db, outbox, message, conversation, failure.Reason, now, cancellationToken))
                {
                    notify = true;
                }
                break;
        }
        message.ClaimedBy = null;
        message.ClaimedAt = null;
        return notify;
    }

    /// <summary>A webhook delivery: the same retries and backoff, no conversation to mark stale; the sender stops a subscription on 410.</summary>
    private async Task DeliverWebhookAsync(OutboxMessage message, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        const string Channel = OutboxWriter.WebhookChannel;
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
                message.NextAttemptAt = now + Backoff.After(message.Attempts, retry.After);
                break;
            case DeliveryResult.Undeliverable failure:
                message.Status = OutboxStatus.Dead;
                message.LastError = failure.Reason;
                break;
        }
        message.ClaimedBy = null;
        message.ClaimedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        var outcome = message.Status == OutboxStatus.Pending ? "retry" : message.Status.ToString().ToLowerInvariant();
        span?.SetTag(BotTelemetry.OutcomeTag, outcome);
        metrics.OutboxDelivered(Channel, outcome);
    }
}
