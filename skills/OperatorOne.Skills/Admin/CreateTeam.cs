using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Documents;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>
/// Makes a team documents can be shared with. Admins only: membership grants reading, so members may not add
/// themselves (team calendars, which grant nothing, stay open to every member).
/// </summary>
internal static class CreateTeam
{
    private const string Create = "(please )?(create|make|set up|add|start|form|open)( a| an| the)?( new)?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "create_team",
        Description = "Create a team (for sharing documents with its members), optionally with its first members",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "create a team called Support with ada and max", "make a new team named Field Ops"
            Utterance.Of($"{Create} team (called|named) (?<name>.+?)( (with|including) (?<members>.+))?"),
            // "create team support", "add a team finance with mia"
            Utterance.Of($"{Create} team (?!calendar)(?<name>[^ ]+)( (with|including) (?<members>.+))?"),
            // "create the support team with ada and max", "set up a marketing team"
            Utterance.Of($"{Create} (?<name>[^ ]+( [^ ]+)?) team( (with|including) (?<members>.+))?"),
            Utterance.Of("new team:? (?<name>.+?)( (with|including) (?<members>.+))?"),
            Utterance.Of($"{Create} team"),
        ],
        Prompts = new Dictionary<string, string> { ["name"] = "What should the team be called? For example Support." },
        HelpExample = "create a team called Sales with ada and max",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The team's name, e.g. 'Support'.")] string name,
        [Description("Members to put in it (names or handles, comma or 'and' separated), if any were named.")] string? members = null,
        CancellationToken cancellationToken = default)
    {
        var clean = TeamNames.Clean(name);
        if (clean.Length is 0 or > TeamNames.MaxLength)
        {
            return ToolResult.Refused($"A team needs a name of 1 to {TeamNames.MaxLength} characters.");
        }
        var names = await db.Teams.Select(t => t.Name).ToListAsync(cancellationToken);
        if (names.FirstOrDefault(n => n.Equals(clean, StringComparison.OrdinalIgnoreCase)) is { } taken)
        {
            return ToolResult.Refused($"There is already a team called {taken}; add people with 'add mia to the {taken} team'.");
        }
        var (found, problem) = await TeamNames.MembersAsync(db, members, caller.MemberId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var team = new Team { Id = Guid.NewGuid(), OrganizationId = organization.Id, Name = clean, CreatedAt = clock.GetUtcNow() };
        db.Teams.Add(team);
        foreach (var member in found)
        {
            db.TeamMembers.Add(new TeamMember { TeamId = team.Id, MemberId = member.Id, OrganizationId = organization.Id });
        }
        var with = found.Count == 0 ? "no members yet; add them with 'add mia to the " + clean + " team'" : TeamNames.List([.. found.Select(m => m.DisplayName)]);
        return new ToolResult($"Created the {clean} team with {with}. Share a document with it: 'share the runbook with the {clean} team'.");
    }
}
