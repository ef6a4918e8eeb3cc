using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// Connects an HTTP endpoint as a tool from chat: its placeholders become text parameters, GET is read-only and anything
/// else risky, members and above may use it. Admin tier: a new tool reaches outside the bot, so another admin approves.
/// Headers with secrets are set through the admin API only, so they never sit in a chat transcript.
/// </summary>
internal static class AddCustomTool
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_custom_tool",
        Description = "Connect an HTTP endpoint as a custom tool",
        Tier = ToolTier.Admin,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "add a custom tool order_status that calls GET https://shop.example.com/orders/{order_id}"
            Utterance.Of(@"(add|create|connect|make)( a| the)?( new)? (custom )?tool (called |named )?(?<name>[a-z][a-z0-9_]+)(,| that calls| calling| to call| for|:)? (?<method>get|post|put|patch|delete) (?<url>https?://[^ ]+)( (described as|to|that|which|:) (?<description>.+))?"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["name"] = "What should the tool be called? Lower-case with underscores, like order_status.",
            ["url"] = "Which URL should it call? Placeholders like {order_id} become its parameters.",
        },
        HelpExample = "add a custom tool stock_level that calls GET https://shop.example.com/stock/{sku}",
        Summarize = (string name, string url, string method = "GET") => $"Connect the custom tool {name}: {method.ToUpperInvariant()} {url}",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        ToolRegistry registry,
        OutboundGuard guard,
        SecretBox secrets,
        [Description("The tool's name: lower-case letters, digits and underscores, e.g. order_status.")] string name,
        [Description("The URL to call; {placeholders} in its path or query become parameters.")] string url,
        [Description("GET, POST, PUT, PATCH or DELETE.")] string method = "GET",
        [Description("What the tool does, for people and the model.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        var input = new CustomToolInput { Name = name, Url = url, Method = method, Description = description ?? $"Call {name.Replace('_', ' ')}" };
        var (spec, errors) = CustomToolRules.Check(input, null, registry.IsBuiltIn);
        if (spec is null)
        {
            return ToolResult.Refused(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        }
        if (await guard.RefusalAsync(CustomToolRules.Sample(spec.UrlTemplate), cancellationToken) is { } refusal)
        {
            return ToolResult.Refused($"I can't connect that URL: {refusal}");
        }
        if (await db.CustomTools.AnyAsync(t => t.Name == spec.Name, cancellationToken))
        {
            return ToolResult.Refused($"There is already a custom tool called {spec.Name}.");
        }
        var row = spec.ToRow(organization.Id, caller.MemberId, clock.GetUtcNow());
        CustomToolSecrets.NewSigningSecret(row, secrets);
        db.CustomTools.Add(row);
        var parameters = CustomToolRules.Declared(spec.Schema);
        return new ToolResult(
            $"Connected {spec.Name} ({spec.Method} {CustomToolRules.Sample(spec.UrlTemplate).Host}, {IntegrationText.Tier(spec.Tier)}, members and above)"
            + (parameters.Count == 0 ? "." : $" with {string.Join(", ", parameters)}.")
            + $" Teach me how people ask for it: 'add the phrasing \"where is order {{order_id}}\" to {spec.Name}'."
            + " Its signing secret and any API-key headers are managed through the admin API.");
    }
}
