using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Channels;

/// <summary>
/// A channel that can start a 1:1 conversation with someone who never wrote to the bot there (Teams can, once the
/// app is installed for the tenant; the web chat cannot). Approval requests use it to reach approvers.
/// </summary>
public interface IProactiveConversations
{
    /// <summary>The channel id served ("msteams").</summary>
    string Channel { get; }

    /// <summary>
    /// Opens the conversation with <paramref name="channelUserId"/> (the member's linked identity on this channel) and
    /// adds its row to <paramref name="db"/>, already scoped to the organization; null when the channel cannot reach them.
    /// </summary>
    Task<Conversation?> OpenAsync(OperatorOneDb db, Guid organizationId, Guid memberId, string channelUserId, CancellationToken cancellationToken);
}

/// <summary>The row every proactive channel adds for a conversation it opened: a member's 1:1 with its reference.</summary>
public static class ProactiveConversation
{
    public static Conversation Add(OperatorOneDb db, Guid organizationId, Guid memberId, ConversationReference reference, DateTimeOffset now)
    {
        var conversation = new Conversation
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Channel = reference.ChannelId,
            ExternalId = reference.Conversation.Id,
            MemberId = memberId,
            Reference = BotJson.Serialize(reference),
            CreatedAt = now,
            LastActivityAt = now,
        };
        db.Conversations.Add(conversation);
        return conversation;
    }
}
