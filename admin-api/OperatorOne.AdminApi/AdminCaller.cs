using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi;

/// <summary>Who is calling the admin API: the member that owns the key (or the token), with the role the call gets.</summary>
internal sealed record AdminCaller(Guid OrganizationId, Guid MemberId, string DisplayName, MemberRole Role, string Credential);
