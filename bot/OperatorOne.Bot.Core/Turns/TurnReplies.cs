using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>A turn's replies as written: the activities, and the outbox rows this replica delivers right after the commit.</summary>
public sealed record WrittenReplies(IReadOnlyList<Activity> Activities, IReadOnlyList<OutboxMessage> Deliveries);

/// <summary>
/// Writes a turn's replies in its transaction, the one way out: each is an outbox row and an outbound transcript
/// message. How the row is settled depends on the channel. A channel that keeps its own log (web chat) records them
/// there in the same transaction; a channel that reads them back (a phone call, from the transcript) needs nothing more;
/// a push channel's rows are answered in the HTTP response when the request still waits for them, or else claimed by
/// this replica and sent right after the commit — and by any replica's outbox if this one dies first.
/// </summary>
public sealed class TurnReplies(OutboxWriter outbox, IEnumerable<IChannelSender> senders, IEnumerable<IConversationLog> logs, ReplicaId replica,
    WorkSignal signal)
{
    private bool _leftToQueue;

    public OutboxWriter Outbox => outbox;

    public async Task<WrittenReplies> WriteAsync(OperatorOneDb db, InboundTurn turn, Conversation conversation, IReadOnlyList<Reply> replies,
        TurnHandoff handoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // From here on the request either takes these replies or has already been acknowledged.
        var kept = handoff.TryKeep();
        var inResponse = turn.AnswerInResponse && kept;
        var delivery = senders.FirstOrDefault(s => s.Channel == turn.Channel)?.Delivery ?? ChannelDelivery.Push;
        // On a push channel a reply while the request still waits answers the message (Teams threads it, as the SDK
        // does); a late answer or a welcome is a message of its own. Logged and read-back replies always point at the
        // message: that is how the web chat orders them and a held call finds its answer.
        var answersMessage = delivery != ChannelDelivery.Push || kept && turn.Activity.Type == ActivityTypes.Message;
        var activities = replies.Select(r => ToActivity(turn, r, answersMessage ? turn.Activity.Id : null)).ToList();
        if (logs.FirstOrDefault(l => l.Channel == turn.Channel) is { } log)
        {
            await log.RecordAsync(db, turn, conversation, activities, cancellationToken);
        }
        var deliveries = new List<OutboxMessage>();
        foreach (var activity in activities)
        {
            Transcript.Record(db, conversation, MessageDirection.Outbound, activity, null, now);
            var message = outbox.Send(db, conversation, activity);
            if (delivery != ChannelDelivery.Push || inResponse)
            {
                // Shown by the channel's own log, read back by the call, or carried by the response the request sends.
                message.Status = OutboxStatus.Sent;
                message.SentAt = now;
            }
            else
            {
                message.ClaimedBy = replica.Value;
                message.ClaimedAt = now;
                deliveries.Add(message);
            }
        }
        // What else the turn queued for this same conversation (an approver's pending cards on a welcome) goes out right
        // after the commit too, in the order queued: left to the outbox queue, a batch is delivered side by side and lands
        // in any order.
        foreach (var queued in db.ChangeTracker.Entries<OutboxMessage>()
                     .Where(e => e.State == EntityState.Added && e.Entity.ConversationId == conversation.Id
                         && e.Entity.Status == OutboxStatus.Pending && e.Entity.ClaimedBy is null && !deliveries.Contains(e.Entity))
                     .Select(e => e.Entity).ToList())
        {
            queued.ClaimedBy = replica.Value;
            queued.ClaimedAt = now;
            deliveries.Add(queued);
        }
        _leftToQueue = db.ChangeTracker.Entries<OutboxMessage>()
            .Any(e => e.State == EntityState.Added && e.Entity.Status == OutboxStatus.Pending && e.Entity.ClaimedBy is null);
        return new WrittenReplies(activities, deliveries);
    }

    /// <summary>
    /// After the commit: what this turn left to the outbox queue (notices and cards for other conversations, webhooks)
    /// goes out now. A turn whose only rows are its own replies, delivered by this replica or already settled, wakes
    /// nobody: under load every turn's wake-up was a claim query, the costliest statement on the database.
    /// </summary>
    public void Committed()
    {
        if (_leftToQueue)
        {
            signal.Notify(OutboxQueue.QueueName);
        }
    }

    private static Activity ToActivity(InboundTurn turn, Reply reply, string? replyTo) => turn.Reference.Address(new Activity
    {
        Type = ActivityTypes.Message,
        Text = reply.Text,
        Speak = reply.Speak,
        Attachments = reply.Card is null ? null : [Attachment.AdaptiveCard(reply.Card)],
        ReplyToId = replyTo,
        ChannelData = turn.ReplyChannelData?.DeepClone() as JsonObject,
    });
}
