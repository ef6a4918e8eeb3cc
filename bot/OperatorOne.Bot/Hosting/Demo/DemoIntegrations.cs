using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Outbox;
using OperatorOne.Skills.Integrations;

namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>
/// The integrations the admin help lines name: webhook 1 (active, with one delivered ping to replay), webhook 2
/// (stopped, to resume or remove) and the custom tool order_status. Built by the same rules and secret box the admin
/// API and the chat tools use, so the seeded rows are ones those could have written.
/// </summary>
internal static class DemoIntegrations
{
    public const string ShopUrl = "https://shop.example.com/orders/{order_id}";

    public static async Task AddAsync(OperatorOneDb db, DemoTenant tenant, DemoPeople people, SecretBox secrets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (warehouse, _) = await WebhookSubscriptions.AddAsync(db, tenant.OrganizationId, "https://hooks.example.com/operatorone/warehouse",
            ["ticket.created", "ticket.closed"], "n8n: notify the warehouse", people["admin"], secrets, now, cancellationToken);
        // Already delivered, so the outbox does not post to the example host; "replay the last delivery of webhook 1" sends it again.
        var ping = OutboxWriter.Webhook(db, tenant.OrganizationId, warehouse.Id,
            WebhookPublisher.Envelope(WebhookEvents.Ping, tenant.OrganizationId, new { subscription = warehouse.Number, message = "Hello from OperatorOne." }, now), now);
        ping.Status = OutboxStatus.Sent;
        ping.Attempts = 1;
        ping.SentAt = now;
        await db.SaveChangesAsync(cancellationToken);

        var (crm, _) = await WebhookSubscriptions.AddAsync(db, tenant.OrganizationId, "https://hooks.example.com/operatorone/crm",
            ["deal.stage_changed"], "CRM sync (stopped: the receiver answered 410)", people["admin"], secrets, now, cancellationToken);
        crm.IsActive = false;
        crm.StoppedReason = "The receiver answered 410 Gone.";
        crm.StoppedAt = now;

        var (spec, errors) = CustomToolRules.Check(new CustomToolInput
        {
            Name = "order_status",
            Description = "Look up an order's status in the shop",
            Method = "GET",
            Url = ShopUrl,
        }, null, _ => false);
        if (spec is null)
        {
            throw new InvalidOperationException($"The demo's order_status tool is invalid: {string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}");
        }
        var tool = spec.ToRow(tenant.OrganizationId, people["admin"], now);
        CustomToolSecrets.NewSigningSecret(tool, secrets);
        db.CustomTools.Add(tool);
        await db.SaveChangesAsync(cancellationToken);
    }
}
