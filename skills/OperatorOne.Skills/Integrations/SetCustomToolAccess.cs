using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// Who may use a custom tool and whether it needs approval, or switches it off or on. Admin tier: lowering a tier or a
/// role is granting a permission, so another admin approves.
/// </summary>
internal static class SetCustomToolAccess
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "set_custom_tool_access",
        Description = "Change a custom tool's tier or minimum role, or switch it off or on",
        Tier = ToolTier.Admin,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(set|change|make) (the )?tier (of|for) (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+) (to )?(?<tier>read ?only|safe ?write|risky ?write|risky|admin)"),
            Utterance.Of("(make|set) (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+) (to )?(?<tier>read ?only|safe ?write|risky ?write|risky)"),
            Utterance.Of("(let|allow) (?<role>viewers|members|admins|owners) (to )?use (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+)"),
            Utterance.Of("(only )?(let|allow) (?<role>viewers|members|admins|owners)( and above)? (to )?use (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+)"),
            // "only admins can use create_invoice", "make stock_level available to viewers": who may use it, said of people.
            Utterance.Of("only (?<role>viewers|members|admins|owners)( and above)? (can|should|may|are allowed to)( be able to)? use (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+)"),
            Utterance.Of("(make|set) (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+)( tool)? (available|usable|open) (to|for) (?<role>viewers|members|admins|owners)( and above)?"),
            // "set order_lookup tier to riskyWrite": the tool named before its tier.
            Utterance.Of("(set|change|make) (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+)( tool)?(['’]s)? tier (to|as) (?<tier>read ?only|safe ?write|risky ?write|risky|admin)"),
            // "disable weather_now for now", "enable the order_status tool again": a snake_case name is a custom tool, not a setting.
            Utterance.Of("(re-?)?enable (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9]*_[a-z0-9_]+)( tool)?( again| for now| please)?", new Dictionary<string, string> { ["enabled"] = "on" }),
            Utterance.Of("disable (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9]*_[a-z0-9_]+)( tool)?( again| for now| please)?", new Dictionary<string, string> { ["enabled"] = "off" }),
            Utterance.Of("(switch|turn) (?<enabled>off|on) (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+)"),
            Utterance.Of("(switch|turn) (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+) (?<enabled>off|on)"),
        ],
        Prompts = new Dictionary<string, string> { ["tool"] = "Which custom tool?" },
        HelpExample = "set the tier of order_status to risky",
        Summarize = (string tool, string? tier = null, string? role = null, string? enabled = null) => $"Change the custom tool {tool}: "
            + string.Join(", ", new[] { ("tier", tier), ("role", role), ("switched", enabled) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1} {p.Item2}")),
        Check = CustomToolNames.ExistsAsync,
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        TimeProvider clock,
        ToolRegistry registry,
        [Description("The custom tool's name, e.g. order_status.")] string tool,
        [Description("readOnly, safeWrite, riskyWrite (needs approval) or admin (needs an admin's approval).")] string? tier = null,
        [Description("The least role that may use it: viewer, member, admin or owner.")] string? role = null,
        [Description("on or off.")] string? enabled = null,
        CancellationToken cancellationToken = default)
    {
        var name = tool.Trim().ToLowerInvariant();
        var row = await db.CustomTools.SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        if (row is null)
        {
            return ToolResult.Refused(CustomToolNames.NotFound(tool));
        }
        var (spec, errors) = CustomToolRules.Check(new CustomToolInput { Tier = tier, MinimumRole = role }, CustomToolSpec.From(row), registry.IsBuiltIn);
        if (spec is null)
        {
            return ToolResult.Refused(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        }
        spec.ApplyTo(row, clock.GetUtcNow());
        if (enabled?.Trim().ToLowerInvariant() is { } onOff)
        {
            row.IsEnabled = onOff is "on" or "true" or "yes";
        }
        return new ToolResult($"{row.Name} is {IntegrationText.Tier(spec.Tier)}, for {spec.MinimumRole.ToString().ToLowerInvariant()}s and above"
            + (row.IsEnabled ? "." : ", and switched off."));
    }
}
