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
