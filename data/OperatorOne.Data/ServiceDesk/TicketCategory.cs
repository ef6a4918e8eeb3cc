namespace OperatorOne.Data.ServiceDesk;

/// <summary>A kind of problem ("network"), the queue that works it, and the words that suggest it during triage.</summary>
public sealed class TicketCategory
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public Guid? QueueId { get; set; }
    public List<string> Keywords { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
