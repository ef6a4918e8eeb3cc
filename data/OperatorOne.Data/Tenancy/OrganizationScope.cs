namespace OperatorOne.Data.Tenancy;

/// <summary>
/// The organization one unit of work (a turn, an outbox delivery, an admin call) runs under, and the member it acts
/// for when there is one (policies that depend on who is asking, such as document visibility, read it).
/// </summary>
public sealed class OrganizationScope
{
    public Guid? OrganizationId { get; private set; }

    public Guid? MemberId { get; private set; }

    /// <summary>A new organization never inherits the previous one's member.</summary>
    internal void Enter(Guid organizationId)
    {
        OrganizationId = organizationId;
        MemberId = null;
    }

    internal void Act(Guid? memberId) => MemberId = memberId;
}
