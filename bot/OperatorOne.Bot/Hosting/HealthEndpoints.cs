using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace OperatorOne.Bot.Hosting;

internal static class HealthEndpoints
{
    /// <summary>/health/live: the process answers. /health/ready: the database answers and is migrated.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
