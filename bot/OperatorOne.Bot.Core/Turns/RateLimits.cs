using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Turns;

public sealed class RateLimitOptions
{
    public int TurnsPerUserPerMinute { get; set; } = 30;
    public int TurnsPerOrganizationPerMinute { get; set; } = 600;
}

/// <summary>Fixed one-minute windows counted in PostgreSQL, so the limit holds however many replicas run.</summary>
public sealed class RateLimits(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public async Task<bool> AllowAsync(OperatorOneDb db, Guid organizationId, string userKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var user = await CountAsync(db, organizationId, "user:" + userKey, window, cancellationToken);
        var organization = await CountAsync(db, organizationId, "org", window, cancellationToken);
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
