using System.Text;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Members;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Skills.Admin;

/// <summary>"System status": database, migrations, channels and their last delivery, outbox depth, oldest pending approval.</summary>
internal static class SystemStatus
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "system_status",
        Description = "Show system status: database, migrations, channels, outbox and approvals",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(show |check |get )?(the )?(system|bot|service) (status|health)"),
            Utterance.Of("(how is|how's) (the )?(system|bot) (doing|running)|status report|is everything (ok|okay|running)"),
        ],
        HelpExample = "system status",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, Caller caller, CurrentOrganization organization, TimeProvider clock, ChannelChecks checks, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var text = new StringBuilder("System status:\n");
        var reachable = await db.Database.CanConnectAsync(cancellationToken);
        text.AppendLine($"- Database: {(reachable ? "reachable" : "NOT reachable")}");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
        text.AppendLine(pending.Count == 0
            ? $"- Migrations: all {applied} applied"
            : $"- Migrations: {pending.Count} pending ({string.Join(", ", pending)})");

        var lastDelivery = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sent && m.SentAt != null)
            .Join(db.Conversations, m => m.ConversationId, c => (Guid?)c.Id, (m, c) => new { c.Channel, m.SentAt })
            .GroupBy(x => x.Channel)
            .Select(g => new { Channel = g.Key, Last = g.Max(x => x.SentAt) })
            .ToDictionaryAsync(x => x.Channel, x => x.Last, cancellationToken);
        // The same checks as the admin API's /channels and its page: one truth about each channel.
        var reports = await checks.RunAsync(new ChannelCheckContext(db, organization.Id, null), cancellationToken);
        foreach (var report in reports)
        {
            var last = lastDelivery.GetValueOrDefault(report.Channel) is { } at ? $"last delivery {NaturalDurations.Say(now - at)} ago" : "no delivery yet";
            var state = report.State switch
            {
                ChannelState.Working => "working",
                ChannelState.NotConfigured => "not configured",
                _ => "configured but unreachable",
            };
            text.AppendLine(report.FailingHop is null
                ? $"- {report.DisplayName}: {state}, {last}"
                : $"- {report.DisplayName}: {state}: {report.Summary}");
        }

        var depth = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        var dead = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Dead, cancellationToken);
        text.AppendLine($"- Outbox: {depth} waiting, {dead} undeliverable");
        var oldest = await db.ApprovalRequests.Where(a => a.Status == ApprovalStatus.Pending && a.ExpiresAt > now)
            .OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        text.Append(oldest is null
            ? "- Approvals: none pending"
            : $"- Approvals: oldest pending is #{oldest.Number} ({ApprovalSummary.ForReader(oldest.Summary, NaturalDates.Zone(caller.TimeZone))}), waiting {NaturalDurations.Say(now - oldest.CreatedAt)}");
        return new ToolResult(text.ToString()) { Speak = reachable && pending.Count == 0 ? "Everything is running." : "Something needs attention." };
    }
}
