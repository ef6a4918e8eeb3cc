using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>The open tickets of one support queue ("the IT queue"): the queue triage or its category put them in.</summary>
internal static class ListQueueTickets
{
    /// <summary>A queue's name; never "my" or "work" ("my queue" is the caller's own work list) nor "ticket"/"support".</summary>
    private const string Queue = "(the )?(?<queue>(?!(my|work|ticket|support|the)( |$))[^ ]+( [^ ]+)?) queue";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "list_queue_tickets",
        Description = "List the open tickets in one support queue",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "show the IT queue", "what's in the facilities queue", "open tickets in the IT queue"
            Utterance.Of($"(please )?((show|list|check|open|get|view)( me)? )?{Queue}( tickets)?"),
            Utterance.Of($"what(['’]?s| is) (in|on) {Queue}"),
            Utterance.Of($"((show|list|get)( me)? )?(the |all )?(open )?tickets (in|on|for|from) {Queue}"),
            // "any open tickets in Billing queue?", "are there tickets waiting in the IT queue": asked as a question.
            Utterance.Of($"(any|are there( any)?|is there anything)( open| new| unassigned)?( tickets)?( waiting| left| sitting)? (in|on|for) {Queue}"),
            Utterance.Of($"((show|list|get)( me)? )?(the |all )?(open )?tickets (in|on|for|from) (the )?queue (?<queue>.+)"),
        ],
        Prompts = new Dictionary<string, string> { ["queue"] = "Which queue? For example IT." },
        HelpExample = "show the IT queue",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        [Description("The queue's name, e.g. 'IT'.")] string queue,
        CancellationToken cancellationToken = default)
    {
        var found = await DeskQueries.FindQueueAsync(db, queue, cancellationToken);
        if (found is null)
        {
            var names = await db.SupportQueues.OrderBy(q => q.Name).Select(q => q.Name).ToListAsync(cancellationToken);
            var known = names.Count == 0 ? "There are no queues yet." : $"The queues are {TicketText.List(names)}.";
            return ToolResult.Refused($"I couldn't find a queue called {DeskQueries.QueueName(queue)}. {known}");
        }
        var tickets = db.Tickets.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed
            && db.TicketSlas.Any(s => s.TicketId == t.Id && s.QueueId == found.Id));
        var (rows, total) = await ListTickets.ReadAsync(db, tickets, cancellationToken);
        if (total == 0)
        {
            return new ToolResult($"The {found.Name} queue has no open tickets.");
        }
        var heading = total == 1 ? $"1 open ticket in the {found.Name} queue" : $"{total} open tickets in the {found.Name} queue, newest first";
        return ListTickets.Reply(heading, rows, total);
    }
}
