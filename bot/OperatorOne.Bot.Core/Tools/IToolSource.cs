using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// Tools that exist per organization (an organization's custom HTTP tools), next to the built-in ones. The registry asks
/// every source whenever it lists an organization's tools; a source keeps its own cache and knows when it is stale. A turn
/// asks only when the version its first statement reads (<see cref="ToolRegistry.ForTurnAsync"/>: the ids and row versions
/// of the organization's enabled custom_tools) has changed, so a source's tools must come from those rows.
/// </summary>
public interface IToolSource
{
    /// <summary>The organization's tools; <paramref name="db"/> is already scoped to it.</summary>
    Task<IReadOnlyList<RegisteredTool>> ToolsAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken);
}
