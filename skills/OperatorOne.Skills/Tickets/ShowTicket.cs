using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.Tickets;

/// <summary>One ticket in full. Guests may ask about their own tickets; internal notes are for members and up.</summary>
internal static class ShowTicket
{
    /// <summary>A text reply stays readable; the card carries every comment.</summary>
    private const int CommentsInText = 5;

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "show_ticket",
        Description = "Show a ticket's status, details and comments",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        AllowGuests = true,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(show|view|get|display|check|look up|pull up|find|bring up|open up|read)( me)?( the)?( details (of|for|on))? {Ref}"),
            // "pull up ticket 330 with the comments": all of a ticket is shown, comments and history included.
            Utterance.Of($"(show|view|get|display|pull up|bring up|open up|read)( me)?( the)? {Ref}( with| and| including) (the |its |all )*(comments|history|notes|thread|details|conversation)"),
            Utterance.Of($"((check|{WhatIs}) )?(the )?(current )?(status|details) (of|on|for) {Ref}"),
            Utterance.Of($"((show|view|open|get) )?(ticket (number )?#?|#)(?<number>\\d+) (status|details)|status (ticket )?#?(?<number>\\d+)|ticket (number )?#?(?<number>\\d+)"),
            Utterance.Of($"(tell me about|what about|how(['’]?s| is)) {Ref}( going)?"),
            Utterance.Of($"(is|has) {Ref} (been )?(fixed|done|resolved|closed|sorted)( yet)?"),
            // "any update on 1207? the customer keeps calling": why they ask is no part of the question.
            Utterance.Of($"({WhatIs} )?(the )?(latest |any )?(update|news|progress)s? (on|for|with) {Ref}{Aside}"),
            Utterance.Of($"({WhatIs} happening with|how(['’]?s| is)( it going with)?|where are we (with|on)) {Ref}"),
        ],
        Prompts = new Dictionary<string, string> { ["number"] = "Which ticket? Tell me its number, like 12." },
        HelpExample = "what's the status of #12",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("The ticket number, e.g. 12.")] int number,
        CancellationToken cancellationToken = default)
    {
        var ticket = await db.FindVisibleAsync(number, caller, cancellationToken);
        if (ticket is null)
        {
            return ToolResult.Refused(caller.IsGuest
                ? $"I couldn't find ticket #{number} among the tickets you opened."
                : TicketQueries.NotFound(number));
        }
        var staff = caller.Role >= MemberRole.Member;
        var comments = await db.TicketComments
            .Where(c => c.TicketId == ticket.Id && (staff || !c.IsInternal))
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        var names = await db.MemberNamesAsync(
            comments.Select(c => c.AuthorId).Append(ticket.AssigneeId).Append(ticket.RequesterId), cancellationToken);
        string NameOf(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name : "Requester";

        var view = new TicketView(
            ticket,
            ticket.RequesterId is null ? ticket.GuestContact ?? "Guest" : NameOf(ticket.RequesterId),
            ticket.AssigneeId is null ? null : NameOf(ticket.AssigneeId),
            [.. comments.Select(c => new CommentView(NameOf(c.AuthorId), c.Text, c.IsInternal, c.CreatedAt))]);
        return new ToolResult(Describe(view))
        {
            Card = TicketCards.Ticket(view, NaturalDates.Zone(caller.TimeZone)),
            Speak = $"Ticket number {ticket.Number}, {ticket.Title}, is {TicketText.Word(ticket.Status)}"
                + (view.Assignee is null ? " and not assigned yet." : $" and assigned to {view.Assignee}."),
        };
    }

    private static string Describe(TicketView view)
    {
        var ticket = view.Ticket;
        var lines = new List<string>
        {
            $"Ticket #{ticket.Number} is {TicketText.Word(ticket.Status)}: {ticket.Title}",
            $"Priority: {TicketText.Word(ticket.Priority)} · Assignee: {view.Assignee ?? "unassigned"} · Requester: {view.Requester}",
        };
        if (ticket.Description.Length > 0)
        {
            lines.Add(ticket.Description);
        }
        var skipped = view.Comments.Count - CommentsInText;
        if (skipped > 0)
        {
            lines.Add($"({skipped} earlier comment{(skipped == 1 ? "" : "s")} not shown)");
        }
        lines.AddRange(view.Comments.TakeLast(CommentsInText)
            .Select(c => $"- {c.Author}{(c.IsInternal ? " (internal)" : "")}: {c.Text}"));
        return string.Join('\n', lines);
    }
}
