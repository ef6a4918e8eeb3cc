using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// A call hears its answers by reading them back from the transcript, which the turn commits (on whichever replica ran
/// it): a repeated webhook, a caller on hold, a stream waiting for a slow turn.
/// </summary>
internal static class TranscriptAnswers
{
    /// <summary>The replies to <paramref name="deliveryId"/>, once its turn has committed; null before that.</summary>
    public static async Task<IReadOnlyList<Activity>?> ReadAsync(OperatorOneDb db, string channel, string conversationId, string deliveryId,
        CancellationToken cancellationToken)
    {
        if (!await db.ProcessedDeliveries.AnyAsync(d => d.Channel == channel && d.DeliveryId == deliveryId, cancellationToken))
        {
            return null;
        }
        var recent = await RecentAsync(db, channel, conversationId, cancellationToken);
        return recent.Where(a => a.ReplyToId == deliveryId).ToList();
    }

    /// <summary>The last bot messages of a conversation, oldest first.</summary>
    public static async Task<List<Activity>> RecentAsync(OperatorOneDb db, string channel, string conversationId, CancellationToken cancellationToken)
    {
        var rows = await db.TranscriptMessages
            .Where(m => m.Direction == MessageDirection.Outbound
                && db.Conversations.Any(c => c.Id == m.ConversationId && c.Channel == channel && c.ExternalId == conversationId))
            .OrderByDescending(m => m.Id)
            .Take(10)
            .Select(m => m.Activity)
            .ToListAsync(cancellationToken);
        rows.Reverse();
        return rows.Select(BotJson.Deserialize<Activity>).ToList();
    }
}
