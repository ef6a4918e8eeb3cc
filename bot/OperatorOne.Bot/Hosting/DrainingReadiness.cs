using Microsoft.Extensions.Diagnostics.HealthChecks;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Hosting;

/// <summary>Not ready once the replica has begun to stop, so the load balancer sends new turns elsewhere.</summary>
internal sealed class DrainingReadiness(InFlightTurns turns) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(turns.IsDraining ? HealthCheckResult.Unhealthy("The replica is stopping.") : HealthCheckResult.Healthy());
}
