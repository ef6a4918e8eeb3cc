namespace OperatorOne.Data.ServiceDesk;

/// <summary>A team that works tickets ("IT", "Facilities"); its members hear about breaches when nobody is assigned.</summary>
public sealed class SupportQueue
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
