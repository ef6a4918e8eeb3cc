using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>
/// A turn's own replies on a push channel, which its transaction wrote already claimed by this replica: delivered at
/// once, in order. The turn holds each row and its conversation, so they are sent without being read back, and those the
/// channel took are marked sent together in one statement. What the channel refused is recorded row by row as the
/// outbox records it, and a row the turn cannot send from memory (a card, whose copy records where it went) goes the
/// outbox's own way. If this replica dies first, the claim dies with it and another replica's outbox sends them.
/// </summary>
public sealed class OutboxDeliveries(IServiceScopeFactory scopes, ReplicaId replica, IEnumerable<IChannelSender> senders, HaltPoints halts, BotMetrics metrics)
{
    public async Task DeliverNowAsync(TurnResult result, CancellationToken cancellationToken)
    {
        if (result.OrganizationId is not { } organizationId)
        {
            return;
        }
        var sent = new List<(long Id, string ActivityId)>();
        try
        {
            foreach (var reply in result.Deliveries)
            {
                if (reply.Reference is null || senders.FirstOrDefault(s => s.Channel == reply.Channel) is not { } sender)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(reply.Id, organizationId, replica.Value, cancellationToken);
                    continue;
                }
                var outcome = await SendAsync(sender, reply, organizationId, cancellationToken);
                if (outcome is DeliveryResult.Delivered delivered)
                {
                    sent.Add((reply.Id, delivered.ActivityId));
                    metrics.OutboxDelivered(reply.Channel, "sent");
                    continue;
                }
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().SettleAsync(reply.Id, organizationId, replica.Value, outcome, cancellationToken);
                }
            }
        }
        finally
        {
            // Sent is sent, whatever a later reply did: marked even when it threw (the claim then lapses and that one is retried).
            if (sent.Count > 0)
            {
                await MarkSentAsync(sent, cancellationToken);
            }
        }
    }

    private async Task<DeliveryResult> SendAsync(IChannelSender sender, ClaimedReply reply, Guid organizationId, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.OutboxSpan);
        span?.SetTag("operatorone.outbox.id", reply.Id);
        span?.SetTag(BotTelemetry.OrganizationTag, organizationId.ToString());
        span?.SetTag(BotTelemetry.ChannelTag, reply.Channel);
        await halts.ReachedAsync(HaltPoints.Delivering, reply.Channel, reply.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var reference = BotJson.Deserialize<ConversationReference>(reply.Reference!);
        // The outbox's stable id, as a send from the queue would carry: a repeat replaces rather than duplicates where it can.
        var activity = reference.Address(BotJson.Deserialize<Activity>(reply.Activity)) with { Id = $"op-{reply.Id}" };
        var outcome = await sender.SendAsync(reference, activity, cancellationToken);
        span?.SetTag(BotTelemetry.OutcomeTag, outcome is DeliveryResult.Delivered ? "sent" : "settled by the outbox");
        return outcome;
    }

    /// <summary>One statement for the turn's delivered replies, across organizations (op_outbox_delivered checks the claim).</summary>
    private async Task MarkSentAsync(List<(long Id, string ActivityId)> sent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var ids = sent.Select(s => s.Id).ToArray();
        var activityIds = sent.Select(s => s.ActivityId).ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT op_outbox_delivered({replica.Value}, {ids}, {activityIds})", CancellationToken.None);
    }
}
