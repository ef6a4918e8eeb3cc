namespace OperatorOne.Data.Documents;

/// <summary>A group of members documents can be shared with (service desk queues route tickets; teams share reading).</summary>
public sealed class Team
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
