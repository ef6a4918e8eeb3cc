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
        ],
        Prompts = new Dictionary<string, string> { ["delivery"] = "Which delivery? Tell me its number from 'show the deliveries of webhook N'." },
        HelpExample = "replay delivery 812",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        TimeProvider clock,
        [Description("The delivery's number.")] long delivery,
        CancellationToken cancellationToken = default)
    {
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
        var copy = await WebhookSubscriptions.ReplayAsync(db, original.Id, delivery, clock.GetUtcNow(), cancellationToken);
        return new ToolResult($"Sending delivery {delivery} again to webhook {original.Number} as delivery {copy}.");
    }
}
