using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>Admin tier. Removing deactivates: the member's history (tickets, audit) keeps their name, but they are no longer recognized.</summary>
internal static class RemoveMember
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "remove_member",
        Description = "Remove a member from the organization",
        Tier = ToolTier.Admin,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // Only out of the organization: "remove aisha from night shift" takes her off a team.
            Utterance.Of("(remove|deactivate|offboard|kick out) (the )?(member |user )?(?<member>((?! from ).)+?)( from (the )?(team|org|organi[sz]ation|company|workspace|business))?"),
            // "Olga left the company last Friday, remove her from the org": the one leaving is named first, then "her"/"him"/"them".
            Utterance.Of("(?<member>[^ ,]+( (?!(has|is|was|just)\\b)[^ ,]+)?) (has |just )?(left|quit|resigned|is leaving|has gone|is gone|no longer works here)( [^,.;]+?)?[,.;]? (so )?(please |pls |can you |could you )?((remove|deactivate|offboard|kick out) (her|him|them)( from (the )?(team|org|organi[sz]ation|company|workspace|bot))?|take (her|him|them) off (the )?(bot|org|organi[sz]ation|system|workspace))( please| pls)?"),
        ],
        Prompts = new Dictionary<string, string> { ["member"] = "Who should I remove?" },
        HelpExample = "remove member mia",
        Check = MemberNames.ExistsAsync,
        Summarize = SummarizeAsync,
    };

    private static async Task<string> SummarizeAsync(OperatorOneDb db, Caller caller, string member, CancellationToken cancellationToken)
    {
        var who = await MemberNames.ResolveAsync(db, member, caller.MemberId, cancellationToken);
        return $"Remove {who.Member?.DisplayName ?? member} from the organization";
    }

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("The member's handle or name.")] string member,
        CancellationToken cancellationToken = default)
    {
        var who = await MemberNames.ResolveAsync(db, member, caller.MemberId, cancellationToken);
        if (who.Member is not { } found)
        {
            return ToolResult.Refused(who.Problem!);
        }
        var target = await db.Members.SingleAsync(m => m.Id == found.Id, cancellationToken);
        if (target.Id == caller.MemberId)
        {
            return ToolResult.Refused("You can't remove yourself; ask another admin.");
        }
        if (target.Role == MemberRole.Owner && caller.Role < MemberRole.Owner)
        {
            return ToolResult.Refused("Only an owner can remove an owner.");
        }
        if (await Owners.LastOwnerRefusalAsync(db, target, cancellationToken) is { } lastOwner)
        {
            return ToolResult.Refused(lastOwner);
        }
        target.IsActive = false;
        return new ToolResult($"Removed {target.DisplayName}; they can no longer use the bot. Their tickets and history stay.");
    }
}
