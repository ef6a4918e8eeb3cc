using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// Opens a Teams 1:1 conversation with an approver who never messaged the bot. The serviceUrl and the bot's account
/// come from the organization's most recent Teams conversation: every inbound activity refreshes that reference (a
/// serviceUrl can move), and it only ever holds a serviceUrl that arrived in a validated token, so there is no second
/// copy on the installation to drift or to be trusted without a token behind it.
/// </summary>
internal sealed class TeamsProactiveConversations(TeamsConnector connector, TimeProvider clock, ILogger<TeamsProactiveConversations> logger)
    : IProactiveConversations
{
    public string Channel => ChannelNames.Teams;

    public async Task<Conversation?> OpenAsync(OperatorOneDb db, Guid organizationId, Guid memberId, string channelUserId, CancellationToken cancellationToken)
    {
        var tenantId = await db.ChannelInstallations
            .Where(i => i.Channel == ChannelNames.Teams)
            .Select(i => i.ExternalId)
            .FirstOrDefaultAsync(cancellationToken);
        // The requester's own Teams conversation may be new in this very turn, not yet saved.
        var latest = db.Conversations.Local
            .Where(c => c.Channel == ChannelNames.Teams)
            .OrderByDescending(c => c.LastActivityAt)
            .Select(c => c.Reference)
            .FirstOrDefault()
            ?? await db.Conversations
                .Where(c => c.Channel == ChannelNames.Teams)
                .OrderByDescending(c => c.LastActivityAt)
                .Select(c => c.Reference)
                .FirstOrDefaultAsync(cancellationToken);
        if (tenantId is null || latest is null
            || BotJson.Deserialize<ConversationReference>(latest) is not { ServiceUrl: { } serviceUrl, Bot: { } bot })
        {
            // Not installed, or nobody in the tenant has talked to the bot yet: no serviceUrl is known.
            return null;
        }

        var result = await connector.CreateConversationAsync(serviceUrl, bot, channelUserId, tenantId, cancellationToken);
        if (result is not DeliveryResult.Delivered { ActivityId: { Length: > 0 } conversationId })
        {
            logger.LogWarning("Could not open a Teams conversation for member {Member}: {Result}", memberId, result);
            return null;
        }
        var now = clock.GetUtcNow();
        var reference = new ConversationReference
        {
            ChannelId = ChannelNames.Teams,
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = tenantId, IsGroup = false },
            ServiceUrl = serviceUrl,
            Bot = bot,
            User = new ChannelAccount { Id = channelUserId, AadObjectId = channelUserId },
        };
        return ProactiveConversation.Add(db, organizationId, memberId, reference, now);
    }
}
