using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>The conversation row (with its latest reference) and every message in and out of it.</summary>
internal static class Transcript
{
    public static async Task<Conversation> TouchConversationAsync(OperatorOneDb db, Guid organizationId, InboundTurn turn, Guid? memberId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var externalId = turn.Reference.Conversation.Id;
        var conversation = await db.Conversations.SingleOrDefaultAsync(
            c => c.Channel == turn.Channel && c.ExternalId == externalId, cancellationToken);
        if (conversation is null)
        {
            conversation = new Conversation
            {
                Id = Guid.NewGuid(),
                OrganizationId = organizationId,
                Channel = turn.Channel,
                ExternalId = externalId,
                Reference = "{}",
                CreatedAt = now,
            };
            db.Conversations.Add(conversation);
        }
        // The service URL and ids can change; the freshest reference is the one that works.
        conversation.Reference = BotJson.Serialize(turn.Reference);
        conversation.MemberId = turn.IsPersonal ? memberId : null;
        conversation.IsStale = false;
        conversation.LastActivityAt = now;
        return conversation;
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
