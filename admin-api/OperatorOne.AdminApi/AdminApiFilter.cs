using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data;
using OperatorOne.Data.Audit;

namespace OperatorOne.AdminApi;

/// <summary>
/// Every /admin/v1 call: rate limit, authenticate, hide other organizations (404), check the role (403), run, audit.
/// </summary>
internal sealed class AdminApiFilter : IEndpointFilter
{
    public const string OrganizationRouteValue = "organizationId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var presented = AdminAuthentication.PresentedKey(http.Request);
        var partition = presented is not null && ApiKeySecrets.TryReadId(presented) is { } keyId
            ? $"key:{keyId:N}"
            : $"ip:{http.Connection.RemoteIpAddress}";
        if (!services.GetRequiredService<AdminRateLimiter>().TryAcquire(partition))
        {
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem("Too many admin API requests; wait a minute.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var caller = presented is null ? null
            : await services.GetRequiredService<AdminAuthentication>().AuthenticateAsync(presented, http.RequestAborted);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(
                presented is null ? "An API key is required: Authorization: Bearer op1_…" : "The API key is malformed, unknown or revoked.",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        if (http.Request.RouteValues.TryGetValue(OrganizationRouteValue, out var routeOrganization)
            && (!Guid.TryParse(routeOrganization?.ToString(), out var organizationId) || organizationId != caller.OrganizationId))
        {
            // Another organization's data does not exist as far as this key is concerned.
            return TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
        }
        var required = AdminAccess.RequiredFor(http);
        if (caller.Role < required)
        {
            return TypedResults.Problem($"This needs the {required.ToString().ToLowerInvariant()} role.", statusCode: StatusCodes.Status403Forbidden);
        }

        http.Features.Set(caller);
        var started = TimeProvider.System.GetTimestamp();
        var result = await next(context);
        await AuditAsync(http, caller, result, (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private static async Task AuditAsync(HttpContext http, AdminCaller caller, object? result, int durationMs)
    {
        var db = http.RequestServices.GetRequiredService<OperatorOneDb>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        db.ChangeTracker.Clear();
        db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = caller.OrganizationId,
            MemberId = caller.MemberId,
            Kind = "admin_call",
            Tool = $"{http.Request.Method} {(http.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText?.TrimEnd('/')}",
            Outcome = status < 400 ? "ok" : "failed",
            Detail = System.Text.Json.JsonSerializer.Serialize(new { path = http.Request.Path.Value, status, credential = caller.Credential }),
            DurationMs = durationMs,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(http.RequestAborted);
    }
}
