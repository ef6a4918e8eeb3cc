using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Bot.Core.Channels;

/// <summary>How the outbox reaches a channel: post a new activity or replace one already sent.</summary>
public interface IChannelSender
{
    /// <summary>The channel id this sender serves ("webchat", "msteams", "slack", "voice").</summary>
    string Channel { get; }

    /// <summary>The channel's name as people know it ("Microsoft Teams"), for messages about it.</summary>
    string DisplayName => Channel;

    /// <summary>How a turn's own replies reach this channel.</summary>
    ChannelDelivery Delivery => ChannelDelivery.Push;

    Task<DeliveryResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken);

    Task<DeliveryResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken);
}

public abstract record DeliveryResult
{
    private DeliveryResult() { }

    /// <summary>The channel took it; <paramref name="ActivityId"/> is its id there.</summary>
    public sealed record Delivered(string ActivityId) : DeliveryResult;

    /// <summary>Try again later (429, 5xx, timeout); <paramref name="After"/> is the channel's Retry-After when it gave one.</summary>
    public sealed record RetryLater(string Reason, TimeSpan? After = null) : DeliveryResult;

    /// <summary>Never going to work (blocked, not found, bad auth); when <paramref name="StaleConversation"/>, stop using the reference.</summary>
    public sealed record Undeliverable(string Reason, bool StaleConversation) : DeliveryResult;
}

/// <summary>How a turn's own replies reach a channel.</summary>
public enum ChannelDelivery
{
    /// <summary>Sent to the channel's service (Teams, Slack): in the HTTP response when it waits for them, else right after the commit.</summary>
    Push,

    /// <summary>Written to the channel's own log in the turn's transaction (the web chat's Direct Line log).</summary>
    Log,

    /// <summary>Read back by the channel from the transcript (a phone call hears them in its next webhook response).</summary>
    Pull,
}
