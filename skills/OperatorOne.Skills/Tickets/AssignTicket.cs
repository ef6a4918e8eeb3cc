using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Tickets;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.Tickets;

/// <summary>
/// Gives a ticket to a member named by handle or name ("mia", "Mia Wong", "me"), or takes it away ("nobody"); a name no
/// member has may be a support queue's ("assign 4 to IT", "move ticket 4 to the facilities queue").
/// </summary>
internal static class AssignTicket
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "assign_ticket",
        Description = "Assign a ticket to a member",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "assign 12 to mia", "give ticket #12 to Mia Wong", "reassign 12 to @sam"
            Utterance.Of($"(assign|reassign|give|hand|hand over|pass|route|transfer) {Ref} to (?<assignee>.+)"),
            Utterance.Of($"(assign|give) (?<assignee>.+?) (to|on) {Ref}"),
            // "put Mateus on #903 please, he knows the label printers": who, the ticket, then why.
            Utterance.Of($"(put|get|set) (?<assignee>[^ ,]+( [^ ,]+)?) on {Ref}( please| pls)?{Aside}"),
            // "give ticket #319 to the Facilities queue": a queue is named without "the … queue".
            Utterance.Of($"(assign|reassign|give|hand|hand over|pass|route|transfer) {Ref} to (the )?(?<assignee>.+?) queue"),
            // "ticket 127 should be assigned to nobody for now".
            Utterance.Of($"{Ref} (should|must|needs to) be (assigned|given) to (?<assignee>.+?)( for now| from now on| instead)?"),
            Utterance.Of($"(i(['’]ll| will) take|let me take|take|grab|assign me to|assign myself to) {Ref}", Assign("me")),
            Utterance.Of($"i(['’]ll| will| can) (handle|own|look at|grab) {Ref}|i can take {Ref}", Assign("me")),
            Utterance.Of($"unassign {Ref}|remove (the )?assignee (from|on|of) {Ref}", Assign("nobody")),
            Utterance.Of($"(assign|reassign) {Ref}"),
            Utterance.Of($"give (?<assignee>[^ ]+) {Ref}"),
            Utterance.Of($"ticket (number )?(?<number>#?\\d+) to (?<assignee>.+)"),
            Utterance.Of($"(let|have|get) (?<assignee>.+?) (handle|take|own|look at) {Ref}"),
            // "move ticket 4 to the IT queue", "send 17 over to facilities", "ticket 25 belongs in the facilities queue"
            Utterance.Of($"(move|send|route|transfer|pass|shift) {Ref} (over )?(to|into|in|on)(to)? (the )?(?<assignee>.+?) queue"),
            Utterance.Of($"send {Ref} (over )?to (the )?(?<assignee>.+)"),
            Utterance.Of($"{Ref} (belongs|goes|should go|needs to go) (in|to|into|on) (the )?(?<assignee>.+?)( queue)?"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["number"] = "Which ticket? Tell me its number, like 12.",
            ["assignee"] = "Who should I assign it to?",
        },
        HelpExample = "assign 12 to mia",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        OutboxWriter outbox,
        TimeProvider clock,
        ITicketLifecycle lifecycle,
        [Description("The ticket number, e.g. 12.")] int number,
        [Description("Who gets it: a member's handle or name, a support queue's name, 'me' for the person asking, or 'nobody' to unassign.")] string assignee,
        CancellationToken cancellationToken = default)
    {
        var ticket = await db.FindVisibleAsync(number, caller, cancellationToken);
        if (ticket is null)
        {
            return ToolResult.Refused(TicketQueries.NotFound(number));
        }
        var members = await db.Members
            .Where(m => m.IsActive)
            .OrderBy(m => m.DisplayName)
            .Select(m => new MemberCandidate(m.Id, m.DisplayName, m.Handle))
            .ToListAsync(cancellationToken);

        var match = MemberMatch.Find(assignee, caller.MemberId, members);
        if (match is MemberMatch.Unknown)
        {
            return await QueueAsync(db, caller, clock, lifecycle, ticket, assignee, cancellationToken);
        }
        switch (match)
        {
            case MemberMatch.Many many:
                var names = TicketText.List(many.Candidates.Select(c => $"{c.DisplayName} (@{c.Handle})"));
                return ToolResult.Refused($"More than one member matches \"{assignee}\": {names}. Which one do you mean?");
            case MemberMatch.Nobody when ticket.AssigneeId is null:
                return ToolResult.Refused($"Ticket #{ticket.Number} isn't assigned to anyone.");
            case MemberMatch.Nobody:
                ticket.AssigneeId = null;
                ticket.UpdatedAt = clock.GetUtcNow();
                await IntegrationEvents.TicketAsync(db, caller, clock.GetUtcNow(), WebhookEvents.TicketUpdated, ticket, "unassigned", cancellationToken);
                return new ToolResult($"Ticket #{ticket.Number} is no longer assigned to anyone.");
            case MemberMatch.One one when one.Member.Id == ticket.AssigneeId:
                return ToolResult.Refused($"Ticket #{ticket.Number} is already assigned to {one.Member.DisplayName}.");
            case MemberMatch.One one:
                var before = ticket.Status;
                ticket.AssigneeId = one.Member.Id;
                ticket.Status = TicketStatusRules.AfterAssignment(before);
                ticket.UpdatedAt = clock.GetUtcNow();
                await lifecycle.StatusChangedAsync(db, ticket, before, clock.GetUtcNow(), cancellationToken);
                if (ticket.Status != before)
                {
                    await RequesterNotices.TellAsync(db, caller, outbox, clock.GetUtcNow(), ticket,
                        $"Your ticket #{ticket.Number} ({ticket.Title}) is now {TicketText.Word(ticket.Status)}: {one.Member.DisplayName} is working on it.", cancellationToken);
                }
                await IntegrationEvents.TicketAsync(db, caller, clock.GetUtcNow(), WebhookEvents.TicketUpdated, ticket, "assigned", cancellationToken);
                var opened = ticket.Status != before ? $" and marked it {TicketText.Word(ticket.Status)}" : "";
                var who = one.Member.Id == caller.MemberId ? "you" : one.Member.DisplayName;
                return new ToolResult($"Assigned ticket #{ticket.Number} ({ticket.Title}) to {who}{opened}.");
            default:
                throw new InvalidOperationException("Every kind of assignee match is handled above.");
        }
    }

    /// <summary>No member by that name, so a support queue's: the ticket waits there, unassigned, for whoever works the queue.</summary>
    private static async Task<ToolResult> QueueAsync(OperatorOneDb db, Caller caller, TimeProvider clock, ITicketLifecycle lifecycle, Ticket ticket, string assignee,
        CancellationToken cancellationToken)
    {
        if (await lifecycle.QueuedAsync(db, ticket, assignee, cancellationToken) is not { } queue)
        {
            return ToolResult.Refused($"I couldn't find a member or a queue called \"{assignee}\".");
        }
        var unassigned = ticket.AssigneeId is not null ? " It is no longer assigned to anyone." : "";
        ticket.AssigneeId = null;
        ticket.UpdatedAt = clock.GetUtcNow();
        await IntegrationEvents.TicketAsync(db, caller, clock.GetUtcNow(), WebhookEvents.TicketUpdated, ticket, "queued", cancellationToken);
        return new ToolResult($"Moved ticket #{ticket.Number} ({ticket.Title}) to the {queue} queue.{unassigned}");
    }

    private static Dictionary<string, string> Assign(string who) => new() { ["assignee"] = who };
}
