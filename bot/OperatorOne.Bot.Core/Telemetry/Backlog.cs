using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Telemetry;

/// <summary>
/// Pending approvals and unsent outbox messages across every organization (op_backlog, one cheap query), cached:
/// a gauge read returns the last count at once and starts a refresh in the background when it is older than 15 s.
/// </summary>
public sealed class Backlog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Backlog> logger)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);
    private BacklogCounts _current = new(0, 0);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private int _refreshing;

    public BacklogCounts Read()
    {
        if (clock.GetUtcNow() - _readAt > MaxAge && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = RefreshAsync(CancellationToken.None);
        }
        return Volatile.Read(ref _current);
    }

    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
            var counts = await db.Database
                .SqlQuery<BacklogCounts>($"SELECT pending_approvals AS \"PendingApprovals\", outbox_depth AS \"OutboxDepth\" FROM op_backlog()")
                .SingleAsync(cancellationToken);
            Volatile.Write(ref _current, counts);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException or ObjectDisposedException)
        {
            // A gauge must never break metric collection; the last count stands until the next read.
            logger.LogDebug(ex, "Backlog counts could not be read");
        }
        finally
        {
            _readAt = clock.GetUtcNow();
            Volatile.Write(ref _refreshing, 0);
        }
    }
}

public sealed record BacklogCounts(long PendingApprovals, long OutboxDepth);
