using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.Tickets;

/// <summary>Gives a ticket to a member named by handle or name ("mia", "Mia Wong", "me"), or takes it away ("nobody").</summary>
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
            Utterance.Of($"(i(['’]ll| will) take|let me take|take|grab|assign me to|assign myself to) {Ref}", Assign("me")),
            Utterance.Of($"i(['’]ll| will| can) (handle|own|look at|grab) {Ref}|i can take {Ref}", Assign("me")),
            Utterance.Of($"unassign {Ref}|remove (the )?assignee (from|on|of) {Ref}", Assign("nobody")),
            Utterance.Of($"(assign|reassign) {Ref}"),
            Utterance.Of($"give (?<assignee>[^ ]+) {Ref}"),
            Utterance.Of($"ticket (number )?(?<number>#?\\d+) to (?<assignee>.+)"),
            Utterance.Of($"(let|have|get) (?<assignee>.+?) (handle|take|own|look at) {Ref}"),
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
        [Description("Who gets it: a member's handle or name, 'me' for the person asking, or 'nobody' to unassign.")] string assignee,
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

        switch (MemberMatch.Find(assignee, caller.MemberId, members))
        {
            case MemberMatch.Many many:
                var names = TicketText.List(many.Candidates.Select(c => $"{c.DisplayName} (@{c.Handle})"));
                return ToolResult.Refused($"More than one member matches \"{assignee}\": {names}. Which one do you mean?");
            case MemberMatch.Unknown:
                return ToolResult.Refused($"I couldn't find a member called \"{assignee}\".");
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

    private static Dictionary<string, string> Assign(string who) => new() { ["assignee"] = who };
}
