using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>Sends a delivery's event again (same event id, so a receiver that already has it can drop it).</summary>
internal static class ReplayWebhookDelivery
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "replay_webhook_delivery",
        Description = "Send a webhook delivery again",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(replay|resend|re-send|retry|redeliver)( the)?( webhook)? delivery #?(?<delivery>[0-9]+)"),
            // Delivery ids are global; "the last delivery of webhook 1" names one by the organization's own numbering.
            Utterance.Of("(replay|resend|re-send|retry|redeliver) the (last|latest|most recent) delivery (of|to|for) webhook #?(?<webhook>[0-9]+)"),
        ],
        Prompts = new Dictionary<string, string> { ["delivery"] = "Which delivery? Tell me its number from 'show the deliveries of webhook N'." },
        HelpExample = "replay the last delivery of webhook 1",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        TimeProvider clock,
        [Description("The delivery's number.")] long? delivery = null,
        [Description("The webhook's number, to replay its most recent delivery.")] int? webhook = null,
        CancellationToken cancellationToken = default)
    {
        if (delivery is null && webhook is { } number)
        {
            var subscription = await WebhookNumber.FindAsync(db, number, cancellationToken);
            if (subscription is null)
            {
                return ToolResult.Refused(WebhookNumber.NotFound(number));
            }
            delivery = await db.OutboxMessages.Where(m => m.WebhookSubscriptionId == subscription.Id)
                .OrderByDescending(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (delivery is null)
            {
                return ToolResult.Refused($"Webhook {number} has no deliveries yet.");
            }
        }
        if (delivery is null)
        {
            return ToolResult.Ask("delivery", "Which delivery? Tell me its number from 'show the deliveries of webhook N'.", []);
        }
        var original = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Id == delivery && m.WebhookSubscriptionId != null)
            .Join(db.WebhookSubscriptions, m => m.WebhookSubscriptionId, s => (Guid?)s.Id, (m, s) => new { s.Id, s.Number, s.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        if (original is null)
        {
            return ToolResult.Refused($"There is no webhook delivery {delivery}.");
        }
        if (!original.IsActive)
        {
            return ToolResult.Refused($"Webhook {original.Number} is stopped; say 'resume webhook {original.Number}' first.");
        }
        var copy = await WebhookSubscriptions.ReplayAsync(db, original.Id, delivery.Value, clock.GetUtcNow(), cancellationToken);
        return new ToolResult($"Sending delivery {delivery} again to webhook {original.Number} as delivery {copy}.");
    }
}
