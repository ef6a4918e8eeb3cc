using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// Tools that exist per organization (an organization's custom HTTP tools), next to the built-in ones. The registry asks
/// every source whenever it lists an organization's tools; a source keeps its own cache and knows when it is stale.
/// </summary>
public interface IToolSource
{
    /// <summary>The organization's tools; <paramref name="db"/> is already scoped to it.</summary>
    Task<IReadOnlyList<RegisteredTool>> ToolsAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken);
}
