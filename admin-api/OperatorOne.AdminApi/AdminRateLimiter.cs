using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OperatorOne.AdminApi;

/// <summary>A fixed window per key id (or client address before a key is read), in this replica's memory.</summary>
internal sealed class AdminRateLimiter(IOptions<AdminApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(partition =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string partition)
    {
        using var lease = _limiter.AttemptAcquire(partition);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
