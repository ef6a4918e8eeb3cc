using System.Security.Claims;

namespace OperatorOne.AdminApi.Mcp;

/// <summary>The authenticated member as the request's user, and back.</summary>
internal static class McpCaller
{
    private const string Scheme = "OperatorOne";

    public static ClaimsPrincipal Principal(AdminCaller caller) => new(new ClaimsIdentity(
    [
        new Claim("operatorone:organization", caller.OrganizationId.ToString()),
        new Claim(ClaimTypes.NameIdentifier, caller.MemberId.ToString()),
        new Claim(ClaimTypes.Name, caller.DisplayName),
        new Claim(ClaimTypes.Role, caller.Role.ToString()),
        new Claim("operatorone:credential", caller.Credential),
    ], Scheme));

    public static AdminCaller? From(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: Scheme }
        && Guid.TryParse(user.FindFirstValue("operatorone:organization"), out var organization)
        && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var member)
        && Enum.TryParse<Data.Members.MemberRole>(user.FindFirstValue(ClaimTypes.Role), out var role)
            ? new AdminCaller(organization, member, user.FindFirstValue(ClaimTypes.Name) ?? "", role, user.FindFirstValue("operatorone:credential") ?? "")
            : null;
}
