using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Teams;

/// <summary>The outbox's way into Teams: proactive messages and in-place card updates through the Bot Connector.</summary>
internal sealed class TeamsSender(TeamsConnector connector) : IChannelSender
{
    public string Channel => ChannelNames.Teams;

    public string DisplayName => "Teams";

    /// <summary>A reply to a message is threaded under it, as the Bot Framework SDK does; anything else is a plain send.</summary>
    public Task<DeliveryResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        (reference.ServiceUrl, activity.ReplyToId) switch
        {
            (null, _) => Task.FromResult<DeliveryResult>(NoServiceUrl),
            ({ } serviceUrl, { Length: > 0 } replyToId) => connector.ReplyAsync(serviceUrl, reference.Conversation.Id, replyToId, activity, cancellationToken),
            ({ } serviceUrl, _) => connector.SendAsync(serviceUrl, reference.Conversation.Id, activity, cancellationToken, RefreshFor(reference)),
        };

    /// <summary>The person this 1:1 conversation is with: the one whose copy of an approval card stays live.</summary>
    private static IReadOnlyList<string>? RefreshFor(ConversationReference reference) =>
        reference.Conversation.ConversationType is null or "personal" && reference.User?.Id is { Length: > 0 } user ? [user] : null;

    public Task<DeliveryResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken) =>
        reference.ServiceUrl is { } serviceUrl
            ? connector.UpdateAsync(serviceUrl, reference.Conversation.Id, activityId, activity, cancellationToken)
            : Task.FromResult<DeliveryResult>(NoServiceUrl);

    private static DeliveryResult.Undeliverable NoServiceUrl { get; } = new("The conversation reference has no serviceUrl.", StaleConversation: true);
}
