using System.ComponentModel;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// Sends events to a URL (an n8n or Zapier webhook, a small script). Admin tier: the organization's data leaves the bot.
/// The signing secret is not shown in chat (a transcript keeps it); an admin reads it once from the admin API's rotate-secret.
/// </summary>
internal static class SubscribeWebhook
{
    private const string Events = "(?<events>[a-z_. ,]+?)( events?)?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "subscribe_webhook",
        Description = "Send events (ticket created, approval decided …) to a webhook URL",
        Tier = ToolTier.Admin,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "send ticket created and ticket closed events to https://n8n.example.com/webhook/abc"
            Utterance.Of($"(send|post|forward|push) {Events} to (the )?(webhook )?(?<url>https?://[^ ]+)"),
            // "subscribe https://… to ticket created"
            Utterance.Of($"(subscribe|add a webhook( for)?|add webhook) (?<url>https?://[^ ]+) (to|for) {Events}"),
            // "add a webhook for sla breached -> https://…": the events first, then where they go.
            Utterance.Of($"(subscribe|add|create|set up)( a| an)?( new)? webhook( subscription)? (for|on) {Events} (->|→|=>|to|at|on) (the )?(url )?(?<url>https?://[^ ]+)"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["url"] = "Which URL should receive them?",
            ["events"] = $"Which events? {string.Join(", ", WebhookEvents.All)}.",
        },
        HelpExample = "send ticket created and ticket closed events to https://hooks.example.com/operatorone",
        Summarize = (string url, string events) => $"Send {events} events to {IntegrationText.Host(url)}",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        OutboundGuard guard,
        SecretBox secrets,
        [Description("The receiver's URL.")] string url,
        [Description("Events, comma or 'and' separated: ticket created, ticket updated, ticket closed, approval requested, approval decided, lead moved, event booked, document added, sla breached.")] string events,
        CancellationToken cancellationToken = default)
    {
        if (await WebhookSubscriptions.UrlProblemAsync(url, guard, cancellationToken) is { } problem)
        {
            return ToolResult.Refused($"I can't send events there: {problem}");
        }
        var names = events.Replace(" and ", ",", StringComparison.OrdinalIgnoreCase).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (chosen, eventProblem) = WebhookSubscriptions.Events(names);
        if (eventProblem is not null)
        {
            return ToolResult.Refused(eventProblem);
        }
        var (subscription, _) = await WebhookSubscriptions.AddAsync(db, organization.Id, url, chosen, "", caller.MemberId, secrets,
            clock.GetUtcNow(), cancellationToken);
        return new ToolResult($"Webhook {subscription.Number}: {IntegrationText.Host(subscription.Url)} will get {string.Join(", ", chosen)}. "
            + "Deliveries are signed (X-OperatorOne-Signature); get the signing secret once with the admin API's rotate-secret for this webhook.");
    }
}
