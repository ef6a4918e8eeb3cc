using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;

namespace OperatorOne.Skills.Integrations;

/// <summary>"order_status": a custom tool by its name in the organization.</summary>
internal static class CustomToolNames
{
    public static string NotFound(string tool) => $"There is no custom tool called {tool}. Say 'list integrations' to see them.";

    /// <summary>No admin is asked to approve a change to a custom tool that does not exist.</summary>
    public static async Task<ToolResult?> ExistsAsync(OperatorOneDb db, string tool, CancellationToken cancellationToken)
    {
        var name = tool.Trim().ToLowerInvariant();
        return await db.CustomTools.AnyAsync(t => t.Name == name, cancellationToken) ? null : ToolResult.Refused(NotFound(tool));
    }
}
