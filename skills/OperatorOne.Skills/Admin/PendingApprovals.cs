using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

internal static class PendingApprovals
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "list_pending_approvals",
        Description = "List approval requests waiting for a decision",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(show|list|get)( me)?( the| all)? (pending|open|waiting) approvals?( requests)?|pending approvals"),
            Utterance.Of("(are there )?any approvals (waiting|pending)( for me)?"),
            Utterance.Of("what(['’]?s| is) waiting for (my )?approval|what needs (my )?approval"),
            // "is anything pending my sign off", "show me the requests i need to sign off": an approval said as a sign-off.
            Utterance.Of("(is |are )?(there )?(anything|any requests?) (pending|waiting (for|on)|that needs?) my (sign[ -]?off|approval|ok|go-ahead)"),
            Utterance.Of("((show|list|get)( me)? )?(the |all )?(requests|approvals|things) (i|that i) (need|have) to (sign off|approve|decide)( on)?"),
        ],
        HelpExample = "pending approvals",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, Caller caller, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var pending = await db.ApprovalRequests.AsNoTracking()
            .Where(a => a.Status == ApprovalStatus.Pending && a.ExpiresAt > now)
            .OrderBy(a => a.CreatedAt)
            .Join(db.Members, a => a.RequestedById, m => m.Id, (a, m) => new { a.Number, a.Summary, a.CreatedAt, Requester = m.DisplayName })
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return new ToolResult("No approvals are waiting.");
        }
        var zone = NaturalDates.Zone(caller.TimeZone);
        var lines = pending.Select(a => $"- #{a.Number} {ApprovalSummary.ForReader(a.Summary, zone)} (by {a.Requester}, {NaturalDurations.Say(now - a.CreatedAt)} ago)");
        return new ToolResult($"{pending.Count} waiting for a decision — say \"approve {pending[0].Number}\" or \"reject {pending[0].Number}\":\n{string.Join("\n", lines)}");
    }
}
