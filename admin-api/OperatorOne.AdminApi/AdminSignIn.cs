using Microsoft.AspNetCore.Http;

namespace OperatorOne.AdminApi;

/// <summary>
/// What a presented credential proved: a caller, or why not — 401 for a missing, malformed, unknown, revoked or
/// invalid credential; 403 for a valid token whose person is no active member of the organization.
/// </summary>
internal sealed record AdminSignIn(AdminCaller? Caller, int FailureStatus, string FailureReason, bool WasToken)
{
    public static AdminSignIn Success(AdminCaller caller) => new(caller, 0, "", false);

    public static AdminSignIn Unauthorized(string reason, bool wasToken = false) => new(null, StatusCodes.Status401Unauthorized, reason, wasToken);

    public static AdminSignIn Forbidden(string reason) => new(null, StatusCodes.Status403Forbidden, reason, true);
}
