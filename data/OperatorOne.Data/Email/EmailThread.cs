namespace OperatorOne.Data.Email;

/// <summary>A mail conversation and the ticket it is about: replies in it become comments on that ticket.</summary>
public sealed class EmailThread
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ConversationId { get; set; }
    public Guid TicketId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
