namespace OperatorOne.Data.Crm;

public sealed class Deal
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public Guid? CompanyId { get; set; }
    public Guid? OwnerId { get; set; }
    public decimal Value { get; set; }

    /// <summary>ISO 4217 code: "EUR", "USD".</summary>
    public required string Currency { get; set; }
    public DealStage Stage { get; set; } = DealStage.Prospecting;
    public DateOnly ExpectedClose { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
