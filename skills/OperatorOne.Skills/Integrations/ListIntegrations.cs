using System.Text;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Skills.Integrations;

/// <summary>The organization's custom tools and webhook subscriptions, for admins: what is connected and whether it works.</summary>
internal static class ListIntegrations
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "list_integrations",
        Description = "List the custom tools and webhook subscriptions",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("((list|show)( me)?|what are)( all)?( the| our| my)? (custom tools|integrations|webhooks|webhook subscriptions|connected systems)( and (custom tools|webhooks))?"),
            Utterance.Of("(which|what) (custom tools|webhooks|integrations) (are there|do we have|are set up)"),
        ],
        HelpExample = "list integrations",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, CancellationToken cancellationToken = default)
    {
        var tools = await db.CustomTools.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var hooks = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Number).ToListAsync(cancellationToken);
        var failing = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.WebhookSubscriptionId != null && (m.Status == OutboxStatus.Dead || (m.Status == OutboxStatus.Pending && m.Attempts > 0)))
            .GroupBy(m => m.WebhookSubscriptionId).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id!.Value, g => g.Count, cancellationToken);
        var text = new StringBuilder();
        text.Append(tools.Count == 0 ? "No custom tools." : $"Custom tools ({tools.Count}):");
        foreach (var tool in tools)
        {
            var host = Uri.TryCreate(CustomToolRules.Sample(tool.UrlTemplate).ToString(), UriKind.Absolute, out var uri) ? uri.Host : "?";
            text.Append($"\n- {tool.Name}: {tool.Method} {host}, {IntegrationText.Tier(tool.Tier)}, {tool.MinimumRole.ToString().ToLowerInvariant()} or above")
                .Append(tool.IsEnabled ? "" : " (switched off)")
                .Append(tool.Phrasings.Count == 0 ? "; no example phrasings" : $"; e.g. \"{CustomToolDefinitions.HelpLine(tool.Phrasings[0])}\"");
        }
        text.Append(hooks.Count == 0 ? "\nNo webhook subscriptions." : $"\nWebhooks ({hooks.Count}):");
        foreach (var hook in hooks)
        {
            text.Append($"\n- webhook {hook.Number}: {IntegrationText.Host(hook.Url)} gets {string.Join(", ", hook.Events)}")
                .Append(hook.IsActive ? "" : $" (stopped: {hook.StoppedReason ?? "by an admin"})")
                .Append(failing.GetValueOrDefault(hook.Id) is > 0 and var n ? $"; {n} failing deliveries" : "");
        }
        return new ToolResult(text.ToString());
    }
}
