using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.Tickets;

/// <summary>The decision of a status change: allowed (with the reply) or refused (with the reason).</summary>
internal sealed record StatusDecision(bool Allowed, string Reply);

/// <summary>Which status moves a ticket may make. Pure, so every rule is unit-tested without a database.</summary>
internal static class TicketStatusRules
{
    /// <summary>Nothing goes back to New: once someone has looked at a ticket it stays triaged.</summary>
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Moves = new()
    {
        [TicketStatus.New] = [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Open] = [TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Pending] = [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Resolved] = [TicketStatus.Open, TicketStatus.Closed],
        [TicketStatus.Closed] = [TicketStatus.Open],
    };

    public static IReadOnlyList<TicketStatus> AllowedFrom(TicketStatus current) => Moves[current];

    public static bool IsAllowed(TicketStatus from, TicketStatus to) => Moves[from].Contains(to);

    public static StatusDecision Decide(int number, TicketStatus from, TicketStatus to)
    {
        var next = TicketText.List(AllowedFrom(from).Select(TicketText.Word));
        if (from == to)
        {
            return new(false, $"Ticket #{number} is already {TicketText.Word(from)}. From {TicketText.Word(from)} it can move to {next}.");
        }
        if (!IsAllowed(from, to))
        {
            return new(false, $"Ticket #{number} can't go from {TicketText.Word(from)} to {TicketText.Word(to)}. From {TicketText.Word(from)} it can move to {next}.");
        }
        var reopening = to == TicketStatus.Open && from is TicketStatus.Resolved or TicketStatus.Closed;
        return new(true, reopening
            ? $"Reopened ticket #{number} (it was {TicketText.Word(from)})."
            : $"Ticket #{number} is now {TicketText.Word(to)} (it was {TicketText.Word(from)}).");
    }

    /// <summary>Taking a new ticket is the moment someone starts on it, so assignment opens it.</summary>
    public static TicketStatus AfterAssignment(TicketStatus current) =>
        current == TicketStatus.New ? TicketStatus.Open : current;
}
