using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>One Web API answer: Slack's <c>ok</c>/<c>error</c>, the Retry-After of a 429, and the JSON body.</summary>
internal sealed record SlackApiResult(bool Ok, string? Error, JsonObject Body)
{
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A network failure, timeout or 5xx: Slack never saw the call or could not answer it.</summary>
    public bool Transient { get; init; }

    public static SlackApiResult Failed(string error, bool transient, TimeSpan? retryAfter = null) =>
        new(false, error, []) { Transient = transient, RetryAfter = retryAfter };

    public string? String(string property) =>
        Body[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>
    /// What the outbox should do with this answer: retry a rate limit or an outage (after Retry-After), give up on
    /// a channel we can't post in (stale) or a token that no longer works.
    /// </summary>
    public DeliveryResult ToDelivery(Func<SlackApiResult, string> deliveredId)
    {
        if (Ok)
        {
            return new DeliveryResult.Delivered(deliveredId(this));
        }
        var reason = $"Slack: {Error}";
        return Error switch
        {
            _ when Transient => new DeliveryResult.RetryLater(reason, RetryAfter),
            "ratelimited" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout"
                => new DeliveryResult.RetryLater(reason, RetryAfter),
            "not_in_channel" or "channel_not_found" or "is_archived" or "user_not_found" or "cannot_dm_bot" or "user_disabled"
                => new DeliveryResult.Undeliverable(reason, StaleConversation: true),
            _ => new DeliveryResult.Undeliverable(reason, StaleConversation: false),
        };
    }
}
