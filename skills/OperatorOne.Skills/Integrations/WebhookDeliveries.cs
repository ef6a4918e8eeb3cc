using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Skills.Integrations;

/// <summary>The delivery log of a webhook (or the failing deliveries of all of them): what was sent, when, and what came back.</summary>
internal static class WebhookDeliveries
{
    private const int Shown = 15;

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "webhook_deliveries",
        Description = "Show a webhook's recent deliveries, or the failing ones",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(show|list)( me)?( the)?( recent)? deliveries (of|for|to) webhook #?(?<number>[0-9]+)"),
            Utterance.Of("(show|list)( me)?( the)? webhook #?(?<number>[0-9]+)(['’]s)? (deliveries|delivery log|log)"),
            Utterance.Of("(show|list)( me)?( the)? (failed|failing) webhook deliveries", new Dictionary<string, string> { ["failed_only"] = "true" }),
            Utterance.Of("(which|what) webhook deliveries (failed|are failing)", new Dictionary<string, string> { ["failed_only"] = "true" }),
        ],
        HelpExample = "show the deliveries of webhook 1",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("The webhook's number; all webhooks when not given.")] int? number = null,
        [Description("Only deliveries that failed or are being retried.")] bool failed_only = false,
        CancellationToken cancellationToken = default)
    {
        Guid? subscriptionId = null;
        if (number is { } n)
        {
            subscriptionId = (await WebhookNumber.FindAsync(db, n, cancellationToken))?.Id;
            if (subscriptionId is null)
            {
                return ToolResult.Refused(WebhookNumber.NotFound(n));
            }
        }
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.WebhookSubscriptionId != null && (subscriptionId == null || m.WebhookSubscriptionId == subscriptionId))
            .Where(m => !failed_only || m.Status == OutboxStatus.Dead || (m.Status == OutboxStatus.Pending && m.Attempts > 0))
            .OrderByDescending(m => m.Id).Take(Shown)
            .Join(db.WebhookSubscriptions, m => m.WebhookSubscriptionId, s => (Guid?)s.Id, (m, s) => new { m, s.Number })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new ToolResult(failed_only ? "No webhook deliveries are failing." : "No deliveries yet.");
        }
        // On the reader's clock, like ticket cards and approvals ("2026-12-07 15:00 Europe/Berlin").
        var zone = NaturalDates.Zone(caller.TimeZone);
        var text = new StringBuilder(failed_only ? "Failing webhook deliveries:" : "Recent deliveries:");
        foreach (var row in rows)
        {
            var type = JsonDocument.Parse(row.m.Activity).RootElement.TryGetProperty("type", out var t) ? t.GetString() : "?";
            var state = row.m.Status switch
            {
                OutboxStatus.Sent => $"delivered ({row.m.SentActivityId}) at {At(row.m.SentAt, zone)}",
                OutboxStatus.Dead => $"failed after {row.m.Attempts} attempt{(row.m.Attempts == 1 ? "" : "s")}: {row.m.LastError}",
                _ when row.m.Attempts > 0 => $"retrying ({row.m.Attempts} attempts, last: {row.m.LastError}) at {At(row.m.NextAttemptAt, zone)}",
                _ => "waiting to be sent",
            };
            text.Append(CultureInfo.InvariantCulture, $"\n- delivery {row.m.Id} to webhook {row.Number}: {type}, {state}");
        }
        text.Append("\nSay 'replay delivery N' to send one again.");
        return new ToolResult(text.ToString());
    }

    private static string At(DateTimeOffset? when, TimeZoneInfo zone) => when is { } at ? ApprovalCards.Format(at, zone) : "?";
}
