namespace OperatorOne.Data.Crm;

/// <summary>A call, email, meeting or note, linked to whichever records it concerns.</summary>
public sealed class CrmActivity
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public CrmActivityKind Kind { get; set; }
    public required string Summary { get; set; }
    public Guid? CompanyId { get; set; }
    public Guid? ContactId { get; set; }
    public Guid? LeadId { get; set; }
    public Guid? DealId { get; set; }
    public Guid? MemberId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}
