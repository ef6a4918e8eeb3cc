using System.ComponentModel;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Tickets;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.Tickets;

/// <summary>Sets a ticket's priority to any level (escalating only goes one step up); its SLA targets follow.</summary>
internal static class ChangeTicketPriority
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "change_ticket_priority",
        Description = "Change a ticket's priority (low, normal, high, urgent)",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "set the priority of 12 to high", "change priority on ticket 12 to low"
            // "…, it's not blocking anyone", "prio of 23 -> urgent, the whole floor is offline": the reason after is no part of it.
            Utterance.Of($"(please )?((set|change|update|switch|put|move) )?(the )?(priority|prio) (of|on|for) {Ref} (to|->|→|=>|=) {Priority}( priority)?( please| pls)?{Aside}"),
            // "set 12 to high priority", "make ticket 12 urgent", "mark 12 as low priority"
            Utterance.Of($"(please )?(set|change|make|mark|put|move|switch|update) {Ref} (to |as |at )?{Priority} priority"),
            Utterance.Of($"(please )?make {Ref} {Priority}"),
            // "lower 12 to normal", "downgrade ticket 12 to low", "raise 12 to urgent"
            Utterance.Of($"(please )?(lower|downgrade|de-?prioriti[sz]e|raise|upgrade|increase|decrease|reduce|drop|bump) {Ref}( priority)? to {Priority}( priority)?"),
            Utterance.Of($"{Ref} (is|should be) (a )?{Priority} priority( now)?"),
            Utterance.Of($"(change|set) (the )?priority (of|on|for) {Ref}"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["number"] = "Which ticket? Tell me its number, like 12.",
            ["priority"] = "Which priority: low, normal, high or urgent?",
        },
        HelpExample = "set the priority of 12 to high",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        TimeProvider clock,
        ITicketLifecycle lifecycle,
        [Description("The ticket number, e.g. 12.")] int number,
        [Description("The new priority.")] TicketPriority priority,
        CancellationToken cancellationToken = default)
    {
        var ticket = await db.FindVisibleAsync(number, caller, cancellationToken);
        if (ticket is null)
        {
            return ToolResult.Refused(TicketQueries.NotFound(number));
        }
        if (ticket.Priority == priority)
        {
            return ToolResult.Refused($"Ticket #{number} is already {TicketText.Word(priority)} priority.");
        }
        var before = ticket.Priority;
        ticket.Priority = priority;
        ticket.UpdatedAt = clock.GetUtcNow();
        var due = await lifecycle.PriorityChangedAsync(db, ticket, clock.GetUtcNow(), NaturalDates.Zone(caller.TimeZone), cancellationToken);
        await IntegrationEvents.TicketAsync(db, caller, clock.GetUtcNow(), WebhookEvents.TicketUpdated, ticket, "priority", cancellationToken);
        return new ToolResult($"Ticket #{number} ({ticket.Title}) is now {TicketText.Word(priority)} priority (it was {TicketText.Word(before)}).{due}");
    }
}
