using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.AdminApi;

/// <summary>
/// Every /admin/v1 call, before its parameters are bound: rate limit, authenticate, hide other organizations (404),
/// check the role (403), check the input (<see cref="InboundBody"/>) and the JSON body (400 with a reason), run, audit. A middleware rather than an endpoint
/// filter because filters run after binding, so a malformed body would be answered before the caller is known.
/// </summary>
internal sealed class AdminApiGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<AdminApiEndpoint>() is null)
        {
            await next(http);
            return;
        }
        var services = http.RequestServices;
        var authentication = services.GetRequiredService<AdminAuthentication>();
        var presented = AdminAuthentication.PresentedCredential(http.Request);
        var partition = (presented is null ? null : authentication.Partition(presented)) ?? $"ip:{http.Connection.RemoteIpAddress}";
        if (!services.GetRequiredService<AdminRateLimiter>().TryAcquire(partition))
        {
            http.Response.Headers.RetryAfter = "60";
            await ProblemAsync(http, StatusCodes.Status429TooManyRequests, "Too many admin API requests; wait a minute.");
            return;
        }

        var routeOrganization = http.Request.RouteValues.TryGetValue(AdminApiEndpoint.OrganizationRouteValue, out var value)
            && Guid.TryParse(value?.ToString(), out var parsed) ? parsed : (Guid?)null;
        var signIn = presented is null
            ? AdminSignIn.Unauthorized("An API key or a bearer token is required: Authorization: Bearer op1_… or Bearer <JWT>.")
            : await authentication.AuthenticateAsync(presented, routeOrganization, http.RequestAborted);
        if (signIn.Caller is not { } caller)
        {
            if (signIn.FailureStatus == StatusCodes.Status401Unauthorized)
            {
                // RFC 6750: a rejected token says why; a missing credential only names the scheme.
                http.Response.Headers.WWWAuthenticate = signIn.WasToken
                    ? $"Bearer error=\"invalid_token\", error_description=\"{signIn.FailureReason.Replace("\"", "'", StringComparison.Ordinal)}\""
                    : "Bearer";
            }
            await ProblemAsync(http, signIn.FailureStatus, signIn.FailureReason);
            return;
        }

        var started = TimeProvider.System.GetTimestamp();
        var status = await RunAsync(http, endpoint, caller, routeOrganization);
        await AdminCallAudit.RecordAsync(http, endpoint, caller, status, (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<int> RunAsync(HttpContext http, Endpoint endpoint, AdminCaller caller, Guid? routeOrganization)
    {
        var operatorAccess = endpoint.Metadata.GetMetadata<OperatorAccess>();
        if (caller.IsOperator && operatorAccess is null)
        {
            return await ProblemAsync(http, StatusCodes.Status403Forbidden,
                "The operator key manages organizations (create, list, read, update, export, delete); everything else needs a member's API key.");
        }
        if (!caller.IsOperator && operatorAccess is { OperatorOnly: true })
        {
            return await ProblemAsync(http, StatusCodes.Status403Forbidden,
                "Creating and listing organizations needs the operator key (AdminApi:OperatorKey), not a member's credential.");
        }
        if (!caller.IsOperator && routeOrganization != caller.OrganizationId)
        {
            // Another organization's data does not exist as far as this caller is concerned.
            return await ProblemAsync(http, StatusCodes.Status404NotFound, "Not found.");
        }
        var required = AdminAccess.RequiredFor(http);
        if (!caller.IsOperator && caller.Role < required)
        {
            return await ProblemAsync(http, StatusCodes.Status403Forbidden, $"This needs the {required.ToString().ToLowerInvariant()} role.");
        }
        // The host-wide input check waits for the gate here (CheckedByGate), so an unauthenticated body is never read.
        if (await InboundBody.CheckAsync(http) is { } inbound)
        {
            return await ProblemAsync(http, inbound.Status, inbound.Reason);
        }
        if (await AdminRequestBody.ProblemAsync(http, endpoint) is { } bodyProblem)
        {
            return await ProblemAsync(http, bodyProblem.Status, bodyProblem.Reason);
        }

        http.Features.Set(caller);
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            // Development (ThrowOnBadRequest) throws binding failures; the message names the parameter and the value.
            return await ProblemAsync(http, ex.StatusCode, ex.Message);
        }
        if (http.Response.StatusCode == StatusCodes.Status400BadRequest && !http.Response.HasStarted)
        {
            // Outside Development binding failures are an empty 400; the body was checked above, so the query string is at fault.
            return await ProblemAsync(http, StatusCodes.Status400BadRequest,
                "A query-string value has the wrong format: ids are GUIDs, times ISO 8601, days yyyy-MM-dd, limits and cursors integers.");
        }
        return http.Response.StatusCode;
    }

    private static async Task<int> ProblemAsync(HttpContext http, int status, string detail)
    {
        await TypedResults.Problem(detail, statusCode: status).ExecuteAsync(http);
        return status;
    }
}

/// <summary>
/// Endpoint metadata: the operator key may call this endpoint too (create, read, update, export, delete an
/// organization); <see cref="OperatorOnly"/>: only the operator key may (creating and listing organizations).
/// </summary>
internal sealed record OperatorAccess(bool OperatorOnly)
{
    public static readonly OperatorAccess Also = new(false);

    public static readonly OperatorAccess Only = new(true);
}

/// <summary>Endpoint metadata: this endpoint is behind <see cref="AdminApiGate"/>.</summary>
internal sealed record AdminApiEndpoint
{
    public const string OrganizationRouteValue = "organizationId";

    public static readonly AdminApiEndpoint Instance = new();
}
