using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Integrations;

/// <summary>Disconnects a custom tool for good, its stored secrets with it. Admin tier.</summary>
internal static class RemoveCustomTool
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "remove_custom_tool",
        Description = "Remove a custom tool",
        Tier = ToolTier.Admin,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(remove|delete|disconnect|drop) (the )?custom tool (?<tool>[a-z][a-z0-9_]+)"),
            Utterance.Of("(remove|delete|disconnect) (the )?tool (?<tool>[a-z][a-z0-9_]+)"),
        ],
        Prompts = new Dictionary<string, string> { ["tool"] = "Which custom tool?" },
        HelpExample = "remove the custom tool order_status",
        Summarize = (string tool) => $"Remove the custom tool {tool}",
        Check = CustomToolNames.ExistsAsync,
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        [Description("The custom tool's name, e.g. order_status.")] string tool,
        CancellationToken cancellationToken = default)
    {
        var name = tool.Trim().ToLowerInvariant();
        return await db.CustomTools.Where(t => t.Name == name).ExecuteDeleteAsync(cancellationToken) == 0
            ? ToolResult.Refused(CustomToolNames.NotFound(tool))
            : new ToolResult($"Removed the custom tool {name}.");
    }
}
