using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// A phone call cannot be messaged later: whatever the outbox holds for a call (an approval card for an approver
/// who phoned in) is given up at once instead of retried, and the call's conversation is marked stale.
/// </summary>
internal sealed class VoiceSender : IChannelSender
{
    public string Channel => ChannelNames.Voice;

    public ChannelDelivery Delivery => ChannelDelivery.Pull;

    public Task<DeliveryResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult<DeliveryResult>(new DeliveryResult.Undeliverable("A phone call cannot receive messages after the fact.", StaleConversation: true));

    public Task<DeliveryResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(reference, activity, cancellationToken);
}
