namespace OperatorOne.Data.Tickets;

/// <summary>New → Open → Pending → Resolved → Closed; the allowed moves live in the tickets skill.</summary>
public enum TicketStatus
{
    New,
    Open,
    Pending,
    Resolved,
    Closed,
}
