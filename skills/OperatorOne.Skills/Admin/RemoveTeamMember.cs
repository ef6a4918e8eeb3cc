using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>Takes members out of a team: they stop seeing its documents (except their own) at once.</summary>
internal static class RemoveTeamMember
{
    private const string Team = TeamNames.Pattern;

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "remove_team_member",
        Description = "Remove members from a team, so they no longer read the documents shared with it",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "remove mia from the support team", "take max off the marketing team"
            Utterance.Of($"(please )?(remove|take|drop|kick) (?<member>.+?) (from|off|out of) (the )?{Team} team"),
            Utterance.Of("(please )?(remove|take|drop|kick) (?<member>.+?) (from|off|out of) team (?<team>.+)"),
            // "remove aisha from night shift": from anything but the organization itself is from a team.
            Utterance.Of($"(please )?(remove|take|drop|kick) (?<member>[^ _]+( [^ _]+)?) (from|off|out of) (the )?(?!(team|org|organi[sz]ation|company|workspace|business|bot|system|custom|tools?|integrations?|webhooks?)\\b){Team}( rota| group)?"),
            // "Logistics team: drop Jess": the team named first, as a heading.
            Utterance.Of($"(the )?{Team} team ?[:\\-–,] ?(please )?(remove|take off|drop|kick out|kick) (?<member>.+?)( from (it|the team))?"),
            // "mia no longer belongs in marketing", "leo is leaving the night shift team"
            Utterance.Of($"(?<member>.+?) (no longer belongs (in|on|to)|is no longer (in|on|part of)) (the )?{Team}( team)?"),
            Utterance.Of($"(?<member>.+?) (is leaving|has left|left|should leave) (the )?{Team} team"),
            Utterance.Of($"(please )?remove (a )?members? from (the )?{Team} team"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["team"] = "Which team?",
            ["member"] = "Who should I take out of the team?",
        },
        HelpExample = "remove mia from the support team",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("The team's name, e.g. 'Support'.")] string team,
        [Description("The members to remove (names or handles, comma or 'and' separated).")] string member,
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
        var ids = members.Select(m => m.Id).ToList();
        var removed = await db.TeamMembers.Where(m => m.TeamId == found.Id && ids.Contains(m.MemberId)).ExecuteDeleteAsync(cancellationToken);
        var names = TeamNames.List([.. members.Select(m => m.DisplayName)]);
        return removed == 0
            ? ToolResult.Refused($"{names} {(members.Count == 1 ? "isn't" : "aren't")} in the {found.Name} team.")
            : new ToolResult($"Removed {names} from the {found.Name} team.");
    }
}
