using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// Posts one outbox webhook message: the stored event as the body, signed with the subscription's secret, with the event
/// type, event id and delivery id as headers (a replayed delivery keeps the event id, so receivers can drop repeats).
/// 2xx delivers; 410 Gone stops the subscription; other answers and timeouts are retried by the outbox with backoff.
/// </summary>
internal sealed class WebhookSender(OperatorOneDb db, OutboundHttp http, SecretBox secrets, IOptions<IntegrationsOptions> options, TimeProvider clock)
    : IWebhookSender
{
    public const string EventHeader = "X-OperatorOne-Event";
    public const string EventIdHeader = "X-OperatorOne-Event-Id";
    public const string DeliveryHeader = "X-OperatorOne-Delivery";

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == message.WebhookSubscriptionId, cancellationToken);
        if (subscription is null)
        {
            return new DeliveryResult.Undeliverable("The subscription was deleted.", StaleConversation: false);
        }
        if (!subscription.IsActive)
        {
            return new DeliveryResult.Undeliverable($"The subscription is stopped{(subscription.StoppedReason is { } why ? $": {why}" : "")}.", StaleConversation: false);
        }
        var body = Encoding.UTF8.GetBytes(message.Activity);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("OperatorOne-Webhooks");
        var (type, id) = Describe(message.Activity);
        request.Headers.TryAddWithoutValidation(EventHeader, type);
        request.Headers.TryAddWithoutValidation(EventIdHeader, id);
        request.Headers.TryAddWithoutValidation(DeliveryHeader, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        RequestSignature.Add(request, secrets.Decrypt(subscription.SigningSecretCipher), clock.GetUtcNow(), body);

        var answer = await http.SendAsync(request, TimeSpan.FromSeconds(options.Value.WebhookTimeoutSeconds), cancellationToken);
        switch (answer)
        {
            case { Failure: OutboundFailure.Refused }:
                return new DeliveryResult.Undeliverable(answer.FailureReason!, StaleConversation: false);
            case { Failure: not null }:
                return new DeliveryResult.RetryLater(answer.FailureReason!);
            case { Status: >= 200 and < 300 }:
                return new DeliveryResult.Delivered($"HTTP {answer.Status}");
            case { Status: 410 }:
                subscription.IsActive = false;
                subscription.StoppedReason = "the receiver answered 410 Gone";
                subscription.StoppedAt = clock.GetUtcNow();
                return new DeliveryResult.Undeliverable("HTTP 410 Gone: the subscription is stopped.", StaleConversation: false);
            default:
                return new DeliveryResult.RetryLater($"HTTP {answer.Status}{(answer.Status is >= 300 and < 400 ? " (redirects are not followed)" : "")}", answer.RetryAfter);
        }
    }

    private static (string Type, string Id) Describe(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        return (root.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "", root.TryGetProperty("id", out var i) ? i.GetString() ?? "" : "");
    }
}
