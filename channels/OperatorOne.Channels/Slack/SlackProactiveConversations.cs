using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Reaches an approver who never wrote to the bot in Slack: a conversation addressed to their user id. No call is
/// made inside the turn; the sender opens the DM (conversations.open) when the outbox delivers, with its retries.
/// </summary>
internal sealed class SlackProactiveConversations(TimeProvider clock) : IProactiveConversations
{
    public string Channel => ChannelNames.Slack;

    public async Task<Conversation?> OpenAsync(OperatorOneDb db, Guid organizationId, Guid memberId, string channelUserId, CancellationToken cancellationToken)
    {
        var teamId = await db.ChannelInstallations
            .Where(i => i.Channel == ChannelNames.Slack && i.RevokedAt == null)
            .Select(i => i.ExternalId)
            .FirstOrDefaultAsync(cancellationToken);
        if (teamId is null || !SlackAddress.Parse(channelUserId).IsUser)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var reference = new ConversationReference
        {
            ChannelId = ChannelNames.Slack,
            Conversation = new ConversationAccount { Id = channelUserId, ConversationType = "personal", TenantId = teamId },
            User = new ChannelAccount { Id = channelUserId },
        };
        return ProactiveConversation.Add(db, organizationId, memberId, reference, now);
    }
}
