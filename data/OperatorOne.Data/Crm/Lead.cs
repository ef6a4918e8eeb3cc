namespace OperatorOne.Data.Crm;

/// <summary>Someone who may buy: a person, a company, or both, until it is converted into a customer or lost.</summary>
public sealed class Lead
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public string? CompanyName { get; set; }
    public LeadStage Stage { get; set; } = LeadStage.New;
    public Guid? OwnerId { get; set; }

    /// <summary>The customer company it became, once converted.</summary>
    public Guid? CompanyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
