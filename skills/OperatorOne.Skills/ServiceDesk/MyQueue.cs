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
            // "what's on my plate in my work queue", "anything assigned to me or unassigned in my queues? soonest due first".
            Utterance.Of("(what(['’]?s| is)|whats|anything|is there anything|show( me)?|list)\\b.*\\b(in|on|from) my (work |support )?queues?([,.;?]? ?(what(['’]?s| is) due first|(soonest|earliest)( due)? first|by due date))?( please| pls)?"),
            // "what ticket should i pick up next", "what should I grab next?": asking for the next piece of work.
            Utterance.Of("what( ticket| tickets)? (should|do|can) i (pick up|take|grab|work on|look at|do|tackle|handle)( next| now)"),
            Utterance.Of("(show |list |check |open )?(me )?my (work )?queue( please| pls)?[,.;?]? ?(what(['’]?s| is) due first|(soonest|earliest)( due)? first|by due date)"),
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
