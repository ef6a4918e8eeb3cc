using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>The conversation row (with its latest reference) and every message in and out of it.</summary>
internal static class Transcript
{
    /// <summary>
    /// The conversation row, created or refreshed in one statement: two first messages of a new conversation racing
    /// both get the one row, and the row stays locked until the turn commits, so one conversation's turns run in order.
    /// </summary>
    public static async Task<Conversation> TouchConversationAsync(OperatorOneDb db, Guid organizationId, InboundTurn turn, Guid? memberId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The service URL and ids can change; the freshest reference is the one that works.
        var reference = BotJson.Serialize(turn.Reference);
        var owner = turn.IsPersonal ? memberId : null;
        return await db.Conversations.FromSql($"""
            INSERT INTO conversations (id, organization_id, channel, external_id, member_id, reference, is_stale, summary, summary_through_message_id, created_at, last_activity_at)
            VALUES ({Guid.NewGuid()}, {organizationId}, {turn.Channel}, {turn.Reference.Conversation.Id}, {owner}, {reference}::jsonb, false, '', 0, {now}, {now})
            ON CONFLICT (organization_id, channel, external_id) DO UPDATE
               SET member_id = excluded.member_id, reference = excluded.reference, is_stale = false, last_activity_at = excluded.last_activity_at
            RETURNING *
            """).AsAsyncEnumerable().SingleAsync(cancellationToken);
    }

    public static void Record(OperatorOneDb db, Conversation conversation, MessageDirection direction, Activity activity, Guid? memberId, DateTimeOffset now) =>
        db.TranscriptMessages.Add(new TranscriptMessage
        {
            OrganizationId = conversation.OrganizationId,
            ConversationId = conversation.Id,
            Direction = direction,
            MemberId = memberId,
            ActivityId = activity.Id,
            Text = activity.Text ?? "",
            Activity = BotJson.Serialize(activity),
            CreatedAt = now,
        });
}
