using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Documents;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>Puts members in a team: they can then read the documents shared with it.</summary>
internal static class AddTeamMember
{
    private const string Team = TeamNames.Pattern;

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_team_member",
        Description = "Add members to a team, so they can read the documents shared with it",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "add mia to the support team", "put ada and max in the field ops team"
            Utterance.Of($"(please )?(add|put|assign|include) (?<member>.+?) (to|in|into|on) (the )?{Team} team"),
            // "add mia to team support"
            Utterance.Of($"(please )?(add|put|assign|include) (?<member>.+?) (to|in|into|on) team (?<team>.+)"),
            // "make mia a member of the support team"
            Utterance.Of($"(please )?make (?<member>.+?) (a )?member of (the )?{Team} team"),
            // "mia should join the support team", "ada joins support as of today": the person said first.
            Utterance.Of($"(?<member>.+?) (should join|joins|is joining|will join) (the )?{Team}( team)?( as of today| from today| now| too)?"),
            Utterance.Of("(please )?make (?<member>.+?) (a )?member of team (?<team>.+)"),
            Utterance.Of($"(please )?add (a |some )?(new )?(team )?members? to (the )?{Team} team"),
            Utterance.Of("(please )?add (a |some )?(new )?members? to a team"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["team"] = "Which team?",
            ["member"] = "Who should I add? Names or handles.",
        },
        HelpExample = "add max to the support team",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        [Description("The team's name, e.g. 'Support'.")] string team,
        [Description("The members to add (names or handles, comma or 'and' separated).")] string member,
        CancellationToken cancellationToken = default)
    {
        var (found, problem) = await TeamNames.FindAsync(db, team, cancellationToken);
        if (found is null)
        {
            return problem!;
        }
        var (members, unknown) = await TeamNames.MembersAsync(db, member, caller.MemberId, cancellationToken);
        if (unknown is not null)
        {
            return unknown;
        }
        if (members.Count == 0)
        {
            return ToolResult.Refused("Who should I add? Tell me their names or handles.");
        }
        var present = await db.TeamMembers.Where(m => m.TeamId == found.Id).Select(m => m.MemberId).ToListAsync(cancellationToken);
        var added = members.Where(m => !present.Contains(m.Id)).ToList();
        foreach (var one in added)
        {
            db.TeamMembers.Add(new TeamMember { TeamId = found.Id, MemberId = one.Id, OrganizationId = organization.Id });
        }
        return added.Count == 0
            ? new ToolResult($"{TeamNames.List([.. members.Select(m => m.DisplayName)])} {(members.Count == 1 ? "is" : "are")} already in the {found.Name} team.")
            : new ToolResult($"Added {TeamNames.List([.. added.Select(m => m.DisplayName)])} to the {found.Name} team.");
    }
}
