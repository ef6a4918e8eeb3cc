namespace OperatorOne.Data.ServiceDesk;

/// <summary>A whole local day on which SLA time stands still.</summary>
public sealed class Holiday
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}
