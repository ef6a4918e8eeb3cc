using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.Tickets;

/// <summary>"My tickets" (requested or assigned, not closed) and the team's open queue.</summary>
internal static class ListTickets
{
    /// <summary>Enough for a chat message or a phone call; the count tells how many more there are.</summary>
    public const int MaxShown = 20;

    public static ToolDefinition Mine { get; } = new()
    {
        Name = "list_my_tickets",
        Description = "List the caller's own tickets (requested by or assigned to them) that are not closed",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        AllowGuests = true,
        Handler = MineAsync,
        Utterances =
        [
            Utterance.Of("(show|list|get|view|check|give|what are)( me)? (all )?my( open| current)? tickets"),
            Utterance.Of("my( open| current)? tickets"),
            Utterance.Of("(what|which) tickets (do i have|have i (opened|raised|logged)|are (assigned to me|mine))( open)?"),
            Utterance.Of("((show|list|get|view|give|pull up)( me)?( all)?( the)? )?(tickets|requests) (assigned to me|i (opened|raised|logged|requested|reported))"),
            Utterance.Of("((show|list|get|view|pull up)( me)? )?(all )?my( open| current)? (tickets|requests)"),
            Utterance.Of("do i have any( open)? tickets( for me)?|any tickets for me"),
            Utterance.Of("what(['’]?s| is) on my plate|what am i working on|what (did|have) i (report|log|raise|open)(ed)?"),
            Utterance.Of("(what(['’]?s| is| are) )?the status(es)? of my tickets|status of my tickets"),
            // "which tickets of mine are still open", "any of my tix still not closed", "anything open for me".
            Utterance.Of("((which|what|any) )?(of my (tickets|tix)|(tickets|tix) of mine)( that)?( are| is)?( still)? (open|not closed|unresolved|not resolved|not done)"),
            Utterance.Of("(is there )?anything( still)? open (for|from|by) me"),
        ],
        HelpExample = "my tickets",
    };

    public static ToolDefinition Open { get; } = new()
    {
        Name = "list_open_tickets",
        Description = "List every ticket that is not resolved or closed, newest first",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = OpenAsync,
        Utterances =
        [
            Utterance.Of("(show|list|get|view|check|give)( me)?( all)?( the)?( open| unresolved| outstanding)? tickets"),
            Utterance.Of("(all )?(open|unresolved|outstanding) tickets"),
            Utterance.Of("(what|which) tickets are (still )?(open|unresolved|outstanding)"),
            Utterance.Of("what(['’]?s| is)( still)? open( right now)?|anything( still)? open|(are there )?any open tickets"),
            Utterance.Of("how many( open)? tickets (are (still )?open|do we have)"),
            Utterance.Of("(the )?queue|what(['’]?s| is) in the queue"),
            Utterance.Of("((show|list)( me)? )?(the )?team(['’]?s)?( open)? tickets|open tickets for the team"),
            Utterance.Of("(show|list|check)( me)? the (ticket |support )?queue|ticket queue"),
        ],
        HelpExample = "list open tickets",
    };

    public static async Task<ToolResult> MineAsync(OperatorOneDb db, Caller caller, CancellationToken cancellationToken = default)
    {
        var tickets = db.Tickets.VisibleTo(caller).Where(t => t.Status != TicketStatus.Closed);
        if (!caller.IsGuest)
        {
            tickets = tickets.Where(t => t.RequesterId == caller.MemberId || t.AssigneeId == caller.MemberId);
        }
        var (rows, total) = await ReadAsync(db, tickets, cancellationToken);
        if (total == 0)
        {
            return new ToolResult("You have no open tickets.");
        }
        var heading = total == 1 ? "You have 1 ticket that isn't closed" : $"You have {total} tickets that aren't closed";
        return Reply(heading, rows, total);
    }

    public static async Task<ToolResult> OpenAsync(OperatorOneDb db, CancellationToken cancellationToken = default)
    {
        var tickets = db.Tickets.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed);
        var (rows, total) = await ReadAsync(db, tickets, cancellationToken);
        if (total == 0)
        {
            return new ToolResult("There are no open tickets.");
        }
        var heading = total == 1 ? "1 open ticket" : $"{total} open tickets, newest first";
        return Reply(heading, rows, total);
    }

    internal static async Task<(List<TicketRow> Rows, int Total)> ReadAsync(OperatorOneDb db, IQueryable<Ticket> tickets, CancellationToken cancellationToken)
    {
        // The page, its assignees' names and the count in one query: a list is one statement of the turn, not three.
        var page = await tickets
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Number)
            .Take(MaxShown)
            .Select(t => new
            {
                t.Number, t.Title, t.Status, t.Priority,
                Assignee = db.Members.Where(m => m.Id == t.AssigneeId).Select(m => m.DisplayName).FirstOrDefault(),
                Total = tickets.Count(),
            })
            .ToListAsync(cancellationToken);
        var total = page.Count == 0 ? 0 : page[0].Total;
        var rows = page.Select(t => new TicketRow(t.Number, t.Title, t.Status, t.Priority, t.Assignee)).ToList();
        return (rows, total);
    }

    internal static ToolResult Reply(string heading, List<TicketRow> rows, int total)
    {
        var footer = total > rows.Count ? $"Showing the newest {rows.Count} of {total}." : null;
        var lines = rows.Select(TicketText.Line).Prepend($"{heading}:");
        if (footer is not null)
        {
            lines = lines.Append(footer);
        }
        return new ToolResult(string.Join('\n', lines))
        {
            Card = TicketCards.List(heading, rows, footer),
            Speak = Spoken(heading, rows, total),
        };
    }

    /// <summary>On the phone five tickets is already a lot to listen to.</summary>
    private static string Spoken(string heading, List<TicketRow> rows, int total)
    {
        const int Spoken = 5;
        var items = rows.Take(Spoken).Select(r => $"number {r.Number}, {r.Title}, {TicketText.Word(r.Status)}");
        var more = total > Spoken ? $" And {total - Spoken} more." : "";
        return $"{heading}: {string.Join("; ", items)}.{more}";
    }
}
