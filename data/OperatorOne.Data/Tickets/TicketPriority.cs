namespace OperatorOne.Data.Tickets;

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
