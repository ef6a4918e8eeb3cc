namespace OperatorOne.Data.ServiceDesk;

public sealed class QueueMember
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid QueueId { get; set; }
    public Guid MemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
