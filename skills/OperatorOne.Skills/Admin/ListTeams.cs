using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>The organization's teams with their members, or one team's members.</summary>
internal static class ListTeams
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "list_teams",
        Description = "List the teams and their members, or the members of one team",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(show|list|get|display)( me)?( all)?( the| our)? teams( and (their )?members)?"),
            Utterance.Of("(what|which) teams (do we have|are there|exist|have we got)"),
            Utterance.Of("teams"),
            // "who is on the support team", "list the members of the support team"
            Utterance.Of($"who(['’]?s| is| are) (in|on) (the )?{TeamNames.Pattern} team"),
            Utterance.Of($"(show|list|get)( me)?( all)?( the)? members (of|in) (the )?{TeamNames.Pattern} team"),
            Utterance.Of($"(show|list|get)( me)?( the)? {TeamNames.Pattern} team( members)?"),
        ],
        HelpExample = "list teams",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        [Description("Only this team, if the person named one.")] string? team = null,
        CancellationToken cancellationToken = default)
    {
        Guid? only = null;
        if (!string.IsNullOrWhiteSpace(team))
        {
            var (found, problem) = await TeamNames.FindAsync(db, team, cancellationToken);
            if (found is null)
            {
                return problem!;
            }
            only = found.Id;
        }
        var teams = await db.Teams.AsNoTracking().Where(t => only == null || t.Id == only).OrderBy(t => t.Name)
            .Select(t => new
            {
                t.Name,
                Members = db.TeamMembers.Where(m => m.TeamId == t.Id)
                    .Join(db.Members, m => m.MemberId, m => m.Id, (_, m) => m.DisplayName).OrderBy(n => n).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (teams.Count == 0)
        {
            return new ToolResult("There are no teams yet. Create one with 'create a team called Support with ada and max'.");
        }
        var lines = teams.Select(t => $"- {t.Name} ({t.Members.Count}): {(t.Members.Count == 0 ? "no members" : string.Join(", ", t.Members))}");
        return new ToolResult($"{(only is null ? $"{teams.Count} {(teams.Count == 1 ? "team" : "teams")}" : "Team")}:\n{string.Join("\n", lines)}");
    }
}
