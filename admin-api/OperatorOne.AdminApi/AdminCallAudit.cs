using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        if (HttpMethods.IsDelete(http.Request.Method) && status < 400
            && !await db.Organizations.AnyAsync(o => o.Id == caller.OrganizationId, CancellationToken.None))
        {
            // The organization itself was deleted, its audit log with it; the log keeps the record.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminCallAudit))
                .LogWarning("{Credential} deleted organization {Organization}", caller.Credential, caller.OrganizationId);
            return;
        }
        if (caller.IsOperator)
        {
            // The operator's calls land in the organization they touched while it exists, and always in the log.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminCallAudit))
                .LogInformation("Operator {Method} {Path}: {Status}", http.Request.Method, http.Request.Path.Value, status);
            if (caller.OrganizationId == Guid.Empty || !await db.Organizations.AnyAsync(o => o.Id == caller.OrganizationId, CancellationToken.None))
            {
                return;
            }
        }
        db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = caller.OrganizationId,
            MemberId = caller.IsOperator ? null : caller.MemberId,
            Kind = AuditKinds.AdminCall,
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
