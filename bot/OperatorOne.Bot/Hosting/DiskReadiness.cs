using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OperatorOne.Bot.Hosting;

/// <summary>Not ready when a folder the bot writes to is nearly full: a full disk fails turns long before the process dies.</summary>
internal sealed class DiskReadiness(WatchedFolders folders, DiskOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var (folder, setting) in folders.All)
        {
            if (DiskSpace.FullProblem(folder, options.MinFreeDiskMegabytes, setting) is { } full)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(full));
            }
        }
        return Task.FromResult(HealthCheckResult.Healthy());
    }
}

/// <summary>The folders whose disk readiness watches, each with the setting that names it.</summary>
internal sealed record WatchedFolders(IReadOnlyList<(string Folder, string Setting)> All);
