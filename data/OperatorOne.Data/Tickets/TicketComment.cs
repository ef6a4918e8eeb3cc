namespace OperatorOne.Data.Tickets;

public sealed class TicketComment
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid TicketId { get; set; }
    public Guid? AuthorId { get; set; }
    public required string Text { get; set; }

    /// <summary>Internal notes are for staff only and never shown to the requester.</summary>
    public bool IsInternal { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
