using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>"My queue": what the caller should work next — assigned to them, or unassigned in a queue they belong to — soonest due first.</summary>
internal static class MyQueue
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "my_queue",
        Description = "Show the caller's work queue: tickets assigned to them or unassigned in their queues, soonest due first",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(show |list |check |open )?(me )?my (work )?queue"),
            Utterance.Of("what(['’]?s| is) (in|on) my (work )?queue|what should i (work on|do) next"),
        ],
        HelpExample = "my queue",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, Caller caller, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var me = caller.MemberId;
        var queues = await db.QueueMembers.Where(q => q.MemberId == me).Select(q => q.QueueId).ToListAsync(cancellationToken);
        var running = await DeskQueries.RunningAsync(db, db.Tickets, cancellationToken);
        var mine = running.Where(t => t.AssigneeId == me || (t.AssigneeId == null && t.QueueId is { } q && queues.Contains(q))).ToList();
        if (mine.Count == 0)
        {
            return new ToolResult("Your queue is empty.");
        }
        var now = clock.GetUtcNow();
        var lines = string.Join("\n", mine.Take(20).Select(t => $"- {DeskQueries.Line(t, now)}{(t.AssigneeId is null ? " (unassigned)" : "")}"));
        return new ToolResult($"Your queue ({mine.Count}):\n{lines}") { Speak = $"You have {mine.Count} tickets in your queue." };
    }
}
