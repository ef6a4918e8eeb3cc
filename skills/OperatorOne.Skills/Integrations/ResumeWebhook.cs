using System.ComponentModel;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>Starts sending again to a subscription that was stopped (its receiver answered 410 Gone), or pauses one.</summary>
internal static class ResumeWebhook
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "resume_webhook",
        Description = "Resume (or pause) a webhook subscription",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(resume|restart|re-?enable|reactivate|unpause)( the)? webhook #?(?<number>[0-9]+)"),
            Utterance.Of("(pause|stop|disable)( the)? webhook #?(?<number>[0-9]+)", new Dictionary<string, string> { ["pause"] = "true" }),
        ],
        Prompts = new Dictionary<string, string> { ["number"] = "Which webhook? Tell me its number." },
        HelpExample = "resume webhook 2",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        TimeProvider clock,
        [Description("The webhook's number, e.g. 2.")] int number,
        [Description("True to pause it instead.")] bool pause = false,
        CancellationToken cancellationToken = default)
    {
        if (await WebhookNumber.FindAsync(db, number, cancellationToken) is not { } subscription)
        {
            return ToolResult.Refused(WebhookNumber.NotFound(number));
        }
        subscription.IsActive = !pause;
        subscription.StoppedReason = pause ? $"paused by {caller.DisplayName}" : null;
        subscription.StoppedAt = pause ? clock.GetUtcNow() : null;
        return new ToolResult(pause
            ? $"Paused webhook {number}; events that happen meanwhile are not sent."
            : $"Webhook {number} is active again; new events go to {IntegrationText.Host(subscription.Url)}.");
    }
}
