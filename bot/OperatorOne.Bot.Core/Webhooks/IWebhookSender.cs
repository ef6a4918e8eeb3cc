using OperatorOne.Bot.Core.Channels;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Bot.Core.Webhooks;

/// <summary>How the outbox posts a <c>Webhook</c> message: signed, to its subscription's URL, through the outbound guard.</summary>
public interface IWebhookSender
{
    /// <summary>
    /// Sends <paramref name="message"/> (the store is already scoped to its organization). Delivered on 2xx; RetryLater on
    /// 429, 5xx, timeouts and refused connections; Undeliverable when the subscription is gone, stopped (a 410 stops it) or
    /// its URL is refused.
    /// </summary>
    Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
