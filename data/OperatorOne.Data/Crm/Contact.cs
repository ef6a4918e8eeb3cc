namespace OperatorOne.Data.Crm;

public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? CompanyId { get; set; }
    public required string FullName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
