namespace OperatorOne.Data.Tenancy;

/// <summary>The organization one unit of work (a turn, an outbox delivery, an admin call) runs under.</summary>
public sealed class OrganizationScope
{
    public Guid? OrganizationId { get; private set; }

    internal void Enter(Guid organizationId) => OrganizationId = organizationId;
}
