using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>The decision of an escalation: the priority the ticket moves to, or why it can't.</summary>
internal sealed record EscalationDecision(TicketPriority? To, string? Refusal);

/// <summary>How far escalating moves a ticket: one priority up, never past urgent, and only while it is being worked on.</summary>
internal static class TicketEscalation
{
    public static EscalationDecision Decide(int number, TicketStatus status, TicketPriority priority) =>
        (status, priority) switch
        {
            (TicketStatus.Resolved or TicketStatus.Closed, _) => new(null, $"Ticket #{number} is {TicketText.Word(status)}; reopen it before escalating."),
            (_, TicketPriority.Urgent) => new(null, $"Ticket #{number} is already urgent, the highest priority."),
            _ => new(priority + 1, null),
        };
}
