using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>Stops sending events to a URL and removes the subscription with its delivery log. Admin tier.</summary>
internal static class RemoveWebhook
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "remove_webhook",
        Description = "Remove a webhook subscription",
        Tier = ToolTier.Admin,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(remove|delete|unsubscribe|drop)( the)? webhook (subscription )?#?(?<number>[0-9]+)"),
        ],
        Prompts = new Dictionary<string, string> { ["number"] = "Which webhook? Tell me its number." },
        HelpExample = "remove webhook 2",
        Summarize = (int number) => $"Remove webhook {number}",
        Check = CheckAsync,
    };

    /// <summary>No admin is asked to approve removing a webhook that does not exist.</summary>
    public static async Task<ToolResult?> CheckAsync(OperatorOneDb db, int number, CancellationToken cancellationToken) =>
        await WebhookNumber.FindAsync(db, number, cancellationToken) is null
            ? ToolResult.Refused(WebhookNumber.NotFound(number))
            : null;

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        [Description("The webhook's number, e.g. 2.")] int number,
        CancellationToken cancellationToken = default) =>
        await db.WebhookSubscriptions.Where(s => s.Number == number).ExecuteDeleteAsync(cancellationToken) == 0
            ? ToolResult.Refused(WebhookNumber.NotFound(number))
            : new ToolResult($"Removed webhook {number}; nothing more is sent to it.");
}
