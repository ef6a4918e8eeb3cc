using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

internal static class ListMembers
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "list_members",
        Description = "List the organization's members and their roles",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(show|list|get)( me)?( all)?( the)? (members|people|users|team)( and (their )?roles)?"),
            Utterance.Of("who(['’]?s| is| are) (in|on) (the|our) (team|organi[sz]ation)|members and roles"),
            Utterance.Of("who are (the|our) (members|users|people)"),
        ],
        HelpExample = "list members",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, CancellationToken cancellationToken = default)
    {
        var members = await db.Members.AsNoTracking().OrderByDescending(m => m.IsActive).ThenBy(m => m.DisplayName).ToListAsync(cancellationToken);
        var lines = members.Select(m => $"- {m.DisplayName} (@{m.Handle}): {m.Role.ToString().ToLowerInvariant()}{(m.IsActive ? "" : ", removed")}");
        return new ToolResult($"{members.Count(m => m.IsActive)} members:\n{string.Join("\n", lines)}");
    }
}
