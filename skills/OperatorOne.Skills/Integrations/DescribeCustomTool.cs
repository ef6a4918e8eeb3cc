using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>Teaches the bot how people ask for a custom tool (an example phrasing) or what it does (its description).</summary>
internal static class DescribeCustomTool
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "describe_custom_tool",
        Description = "Add an example phrasing to a custom tool, or change its description",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // add the phrasing "where is order {order_id}" to order_status
            Utterance.Of("(add|teach)( the| a)? (phrasing|example|phrase|sentence):? [\"“']?(?<phrasing>.+?)[\"”']? (to|for) (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+)"),
            // "for the tool loyalty_points add example: how many points does {email} have": the tool named first.
            Utterance.Of("(for|on|to) (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+)( tool)?,? (add|teach( it)?)( the| a| an| another| this)? (phrasing|example|phrase|sentence):? [\"“']?(?<phrasing>.+?)[\"”']?"),
            Utterance.Of("(describe|set the description of) (the )?(custom )?(tool )?(?<tool>[a-z][a-z0-9_]+) (as|to):? (?<description>.+)"),
        ],
        Prompts = new Dictionary<string, string> { ["tool"] = "Which custom tool?" },
        HelpExample = "add the phrasing \"where is order {order_id}\" to order_status",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        TimeProvider clock,
        ToolRegistry registry,
        [Description("The custom tool's name, e.g. order_status.")] string tool,
        [Description("An example sentence; {parameter} marks where a value goes, e.g. 'where is order {order_id}'.")] string? phrasing = null,
        [Description("A new description of what the tool does.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        var name = tool.Trim().ToLowerInvariant();
        var row = await db.CustomTools.SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        if (row is null)
        {
            return ToolResult.Refused(CustomToolNames.NotFound(tool));
        }
        if (phrasing is null && description is null)
        {
            return ToolResult.Refused("Tell me an example phrasing or a new description.");
        }
        var current = CustomToolSpec.From(row);
        var input = new CustomToolInput
        {
            Phrasings = phrasing is null ? null : [.. current.Phrasings, phrasing.Trim().Trim('"', '“', '”', '\'')],
            Description = description,
        };
        var (spec, errors) = CustomToolRules.Check(input, current, registry.IsBuiltIn);
        if (spec is null)
        {
            return ToolResult.Refused(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        }
        spec.ApplyTo(row, clock.GetUtcNow());
        return new ToolResult(phrasing is null
            ? $"{row.Name} is now described as: {row.Description}"
            : $"{row.Name} now also answers to \"{CustomToolDefinitions.HelpLine(row.Phrasings[^1])}\" ({row.Phrasings.Count} phrasings).");
    }
}
