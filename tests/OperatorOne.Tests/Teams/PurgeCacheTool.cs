using System.Collections.Concurrent;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;

namespace OperatorOne.Tests.Teams;

/// <summary>A risky tool of the tests' own, so approvals can be driven from Teams and its runs counted per organization.</summary>
internal static class PurgeCacheTool
{
    public static ConcurrentDictionary<Guid, int> Runs { get; } = new();

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "purge_cache",
        Description = "Purge the shared cache",
        Tier = ToolTier.RiskyWrite,
        MinimumRole = MemberRole.Member,
        Handler = Purge,
        Utterances = [Utterance.Of(@"purge (?:the )?cache")],
        HelpExample = "purge the cache",
    };

    private static ToolResult Purge(CurrentOrganization organization)
    {
        Runs.AddOrUpdate(organization.Id, 1, (_, runs) => runs + 1);
        return new ToolResult("The cache was purged.");
    }
}
