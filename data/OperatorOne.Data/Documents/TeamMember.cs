namespace OperatorOne.Data.Documents;

public sealed class TeamMember
{
    public Guid TeamId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OrganizationId { get; set; }
}
