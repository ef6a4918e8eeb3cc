using System.ComponentModel;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Tickets;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.Tickets;

/// <summary>Moves a ticket along New → Open → Pending → Resolved → Closed, as <see cref="TicketStatusRules"/> allows.</summary>
internal static class ChangeTicketStatus
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "change_ticket_status",
        Description = "Change a ticket's status (open, pending, resolved, closed)",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(you can )?(close|close out|shut) {Ref}{Reason}", To("closed")),
            Utterance.Of($"{Ref} (can|should) be closed", To("closed")),
            Utterance.Of($"(resolve|solve) {Ref}{Reason}", To("resolved")),
            Utterance.Of($"{Ref} (is|has been) (fixed|resolved|solved|done|sorted)", To("resolved")),
            // "please reopen 1033, the printer is jamming again": why it reopens is no part of it.
            Utterance.Of($"(reopen|re-open) {Ref}{Reason}", To("open")),
            Utterance.Of($"(start|begin)( working| work)? on {Ref}|work on {Ref}", To("open")),
            Utterance.Of($"(put|place|set|move) {Ref} on hold|pause {Ref}", To("pending")),
            Utterance.Of($"(mark|set|flag) {Ref} (as )?(done|fixed|solved)", To("resolved")),
            // "set 12 to pending", "mark ticket 12 as resolved", "move #12 to closed"
            Utterance.Of($"(set|mark|move|change|update|put|switch) {Ref}( status)? (to |as )?{Status}"),
            Utterance.Of($"(set|change|update|move) (the )?status (of|on|for) {Ref} to {Status}"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["number"] = "Which ticket? Tell me its number, like 12.",
            ["status"] = "Which status: open, pending, resolved or closed?",
        },
        HelpExample = "close ticket 12",
    };

    /// <summary>Why it is being closed, said in passing: "close 12, it's fixed", "resolve 8 - duplicate".</summary>
    private const string Reason = "((,| -| as| because| since| it(['’]?s| is| was)) .+)?";

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        OutboxWriter outbox,
        TimeProvider clock,
        ITicketLifecycle lifecycle,
        [Description("The ticket number, e.g. 12.")] int number,
        [Description("The new status. Reopening is moving a resolved or closed ticket to open.")] TicketStatus status,
        CancellationToken cancellationToken = default)
    {
        var ticket = await db.FindVisibleAsync(number, caller, cancellationToken);
        if (ticket is null)
        {
            return ToolResult.Refused(TicketQueries.NotFound(number));
        }
        var decision = TicketStatusRules.Decide(ticket.Number, ticket.Status, status);
        if (!decision.Allowed)
        {
            return ToolResult.Refused(decision.Reply);
        }
        var before = ticket.Status;
        ticket.Status = status;
        ticket.UpdatedAt = clock.GetUtcNow();
        await lifecycle.StatusChangedAsync(db, ticket, before, clock.GetUtcNow(), cancellationToken);
        await RequesterNotices.TellAsync(db, caller, outbox, clock.GetUtcNow(), ticket,
            $"Your ticket #{ticket.Number} ({ticket.Title}) is now {TicketText.Word(status)} (it was {TicketText.Word(before)}); {caller.DisplayName} changed it.",
            cancellationToken);
        await IntegrationEvents.TicketAsync(db, caller, clock.GetUtcNow(), status == TicketStatus.Closed ? WebhookEvents.TicketClosed : WebhookEvents.TicketUpdated, ticket, "status", cancellationToken);
        return new ToolResult(decision.Reply);
    }

    private static Dictionary<string, string> To(string status) => new() { ["status"] = status };
}
