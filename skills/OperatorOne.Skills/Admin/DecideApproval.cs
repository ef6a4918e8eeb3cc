using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>"Approve 3" in words: the same <see cref="ApprovalDecisions"/> path as a click on the card, so it is decided exactly once.</summary>
internal static class DecideApproval
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "decide_approval",
        Description = "Approve or reject a pending approval request by its number",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(?<decision>approve|reject|deny|decline) (approval |request )?(number |no\\.? ?)?(?<number>#?\\d+)"),
            // "I checked the refund with finance and it's legit, so please approve approval 58": the reason told first.
            Utterance.Of("[^,.;]+[,.;] (so |then )?(please |pls |can you |could you |go ahead and )?(?<decision>approve|reject|deny|decline) (approval |request |approval request )?(number |no\\.? ?)?(?<number>#?\\d+)"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["number"] = "Which approval request? Tell me its number.",
            ["decision"] = "Approve or reject?",
        },
        HelpExample = "approve 1",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CallHandOff handOff,
        [Description("The approval request number.")] int number,
        [Description("approve or reject.")] string decision,
        CancellationToken cancellationToken = default)
    {
        var approve = decision.Trim().ToLowerInvariant() switch
        {
            "approve" or "yes" => true,
            "reject" or "deny" or "decline" or "no" => false,
            _ => (bool?)null,
        };
        if (approve is null)
        {
            return ToolResult.Refused("Say approve or reject.");
        }
        var id = await db.ApprovalRequests.Where(a => a.Number == number).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return ToolResult.Refused($"There is no approval request #{number}.");
        }
        // The path a click on the card takes, as this caller: decided exactly once.
        return await handOff.ToDecisionAsync(new ApprovalDecision(id.Value, approve.Value), cancellationToken);
    }
}
