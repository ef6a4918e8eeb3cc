using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data;
using OperatorOne.Data.Audit;

namespace OperatorOne.AdminApi;

/// <summary>One audit event per authenticated admin call, refused ones included, in the caller's organization.</summary>
internal static class AdminCallAudit
{
    public static async Task RecordAsync(HttpContext http, Endpoint endpoint, AdminCaller caller, int status, int durationMs)
    {
        var db = http.RequestServices.GetRequiredService<OperatorOneDb>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        db.ChangeTracker.Clear();
        db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = caller.OrganizationId,
            MemberId = caller.MemberId,
            Kind = "admin_call",
            Tool = $"{http.Request.Method} {(endpoint as RouteEndpoint)?.RoutePattern.RawText?.TrimEnd('/')}",
            Outcome = status < 400 ? "ok" : "failed",
            Detail = JsonSerializer.Serialize(new { path = http.Request.Path.Value, status, credential = caller.Credential }),
            DurationMs = durationMs,
            CreatedAt = clock.GetUtcNow(),
        });
        // Recorded even when the client has gone: the call happened.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
