using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Integrations;

namespace OperatorOne.Skills.Integrations;

/// <summary>Making, checking and replaying subscriptions: shared by the admin API and the chat tools.</summary>
public static class WebhookSubscriptions
{
    /// <summary>Why a receiver URL cannot be used, or null: absolute http(s), no credentials, an address the guard allows.</summary>
    public static async Task<string?> UrlProblemAsync(string? url, OutboundGuard guard, CancellationToken cancellationToken)
    {
        if (url is null || url.Length is 0 or > 2000 || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "An absolute http or https URL of at most 2,000 characters.";
        }
        return await guard.RefusalAsync(uri, cancellationToken);
    }

    /// <summary>The event names, checked: each must be one of <see cref="WebhookEvents.All"/>.</summary>
    public static (List<string> Events, string? Problem) Events(IEnumerable<string>? names)
    {
        var events = new List<string>();
        foreach (var name in names ?? [])
        {
            if (WebhookEvents.Parse(name) is not { } known || known == WebhookEvents.Ping)
            {
                return ([], $"'{name}' is not an event; choose from {string.Join(", ", WebhookEvents.All)}.");
            }
            if (!events.Contains(known))
            {
                events.Add(known);
            }
        }
        return events.Count == 0 ? ([], $"Name at least one event: {string.Join(", ", WebhookEvents.All)}.") : (events, null);
    }

    /// <summary>A new subscription (numbered in its organization); the plaintext secret is returned to show once.</summary>
    public static async Task<(WebhookSubscription Subscription, string Secret)> AddAsync(OperatorOneDb db, Guid organizationId, string url, List<string> events,
        string description, Guid? createdBy, SecretBox secrets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var secret = RequestSignature.NewSecret();
        var last = await db.WebhookSubscriptions.MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0;
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Number = last + 1,
            Url = url.Trim(),
            Events = events,
            Description = description.Trim(),
            SigningSecretCipher = secrets.Encrypt(secret),
            CreatedById = createdBy,
            CreatedAt = now,
        };
        db.WebhookSubscriptions.Add(subscription);
        return (subscription, secret);
    }

    /// <summary>Sends a delivery's event again as a new delivery: same body and event id, new delivery id.</summary>
    public static async Task<long?> ReplayAsync(OperatorOneDb db, Guid subscriptionId, long deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var original = await db.OutboxMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == deliveryId && m.WebhookSubscriptionId == subscriptionId, cancellationToken);
        if (original is null)
        {
            return null;
        }
        var copy = Bot.Core.Outbox.OutboxWriter.Webhook(db, original.OrganizationId, subscriptionId, original.Activity, now);
        await db.SaveChangesAsync(cancellationToken);
        return copy.Id;
    }

    /// <summary>A test event to one subscription, so a receiver and its signature check can be tried.</summary>
    public static void Ping(OperatorOneDb db, WebhookSubscription subscription, DateTimeOffset now) =>
        Bot.Core.Outbox.OutboxWriter.Webhook(db, subscription.OrganizationId, subscription.Id,
            WebhookPublisher.Envelope(WebhookEvents.Ping, subscription.OrganizationId, new { subscription = subscription.Number, message = "Hello from OperatorOne." }, now), now);
}
