using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Webhooks;

/// <summary>
/// Queues an event for every active subscription of the organization that wants it, as outbox rows in the unit of work
/// of the change that caused it: the deliveries exist exactly when that change commits, and the outbox sends them.
/// </summary>
public static class WebhookPublisher
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task PublishAsync(ToolContext context, string eventType, object data, CancellationToken cancellationToken) =>
        PublishAsync(context.Db, context.OrganizationId, eventType, data, context.Now, cancellationToken);

    public static async Task PublishAsync(OperatorOneDb db, Guid organizationId, string eventType, object data, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.IsActive && s.Events.Contains(eventType))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }
        var payload = Envelope(eventType, organizationId, data, now);
        foreach (var subscription in subscriptions)
        {
            OutboxWriter.Webhook(db, organizationId, subscription, payload, now);
        }
    }

    /// <summary>The body every receiver gets: a stable event id (the same in every delivery and replay), type, time, data.</summary>
    public static string Envelope(string eventType, Guid organizationId, object data, DateTimeOffset now) =>
        JsonSerializer.Serialize(new
        {
            id = $"evt_{Guid.NewGuid():N}",
            type = eventType,
            createdAt = now,
            organizationId,
            data,
        }, Json);
}
