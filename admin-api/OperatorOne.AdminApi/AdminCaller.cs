using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi;

/// <summary>
/// Who is calling the admin API: the member that owns the key (or the token), with the role the call gets; or the
/// operator (<see cref="IsOperator"/>), who is no member and acts only on the organizations themselves.
/// </summary>
internal sealed record AdminCaller(Guid OrganizationId, Guid MemberId, string DisplayName, MemberRole Role, string Credential)
{
    public bool IsOperator => Credential == OperatorCredential;

    public const string OperatorCredential = "operator";

    public static AdminCaller Operator(Guid? organizationId) => new(organizationId ?? Guid.Empty, Guid.Empty, "Operator", MemberRole.Owner, OperatorCredential);
}
