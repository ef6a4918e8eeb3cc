using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OperatorOne.Data;

namespace OperatorOne.Bot.Hosting;

/// <summary>Ready means the database answers (within a few seconds) and every migration this build knows is applied.</summary>
internal sealed class DatabaseReadiness(OperatorOneDb db) : IHealthCheck
{
    /// <summary>A probe must answer before the orchestrator gives up on it; an unreachable host would otherwise hang it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Patience);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(deadline.Token)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", ex);
        }
    }
}
