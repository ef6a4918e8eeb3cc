namespace OperatorOne.Data.Tickets;

public sealed class Ticket
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Per-organization number people use: "#12".</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;
    public string? Category { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.New;
    public Guid? RequesterId { get; set; }

    /// <summary>How to reach a guest requester (a caller's number), when there is no member.</summary>
    public string? GuestContact { get; set; }
    public Guid? AssigneeId { get; set; }

    /// <summary>Where the requester opened it (their chat, a caller's call): status changes and comments are told there.</summary>
    public Guid? RequesterConversationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<TicketComment> Comments { get; } = [];
}
