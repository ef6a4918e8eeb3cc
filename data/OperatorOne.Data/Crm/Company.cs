namespace OperatorOne.Data.Crm;

public sealed class Company
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public CompanyKind Kind { get; set; } = CompanyKind.Prospect;
    public DateTimeOffset CreatedAt { get; set; }
}
