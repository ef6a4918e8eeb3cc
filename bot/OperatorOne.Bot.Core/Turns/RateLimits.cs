using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Turns;

public sealed class RateLimits(IServiceScopeFactory scopes, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Fixed one-minute windows counted in PostgreSQL, so the limit holds however many replicas run. Counted in a short
    /// transaction of its own, not the turn's: a turn's transaction lasts as long as the turn (a slow model), and the
    /// organization's counter row locked that long would queue every other turn of the organization behind it. A count
    /// needs no durability, so its commit does not wait for the disk.
    /// </summary>
    public async Task<bool> AllowAsync(Guid organizationId, string userKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", cancellationToken);
        var user = await CountAsync(db, organizationId, "user:" + userKey, window, cancellationToken);
        var organization = await CountAsync(db, organizationId, "org", window, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user <= options.Value.TurnsPerUserPerMinute && organization <= options.Value.TurnsPerOrganizationPerMinute;
    }

    private static async Task<int> CountAsync(OperatorOneDb db, Guid organizationId, string key, DateTimeOffset window, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>($"""
            INSERT INTO rate_limit_windows (organization_id, key, window_start, count) VALUES ({organizationId}, {key}, {window}, 1)
            ON CONFLICT (organization_id, key) DO UPDATE SET
              count = CASE WHEN rate_limit_windows.window_start = excluded.window_start THEN rate_limit_windows.count + 1 ELSE 1 END,
              window_start = excluded.window_start
            RETURNING count AS "Value"
            """).AsAsyncEnumerable().FirstAsync(cancellationToken);
}

public sealed class RateLimitOptions
{
    public int TurnsPerUserPerMinute { get; set; } = 30;
    public int TurnsPerOrganizationPerMinute { get; set; } = 600;
}
