using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Turns;

public sealed class RateLimitOptions
{
    public const string Section = "Limits";

    public int TurnsPerUserPerMinute { get; set; } = 30;
    public int TurnsPerOrganizationPerMinute { get; set; } = 600;
}

/// <summary>
/// Fixed one-minute windows counted in PostgreSQL, so the limit holds exactly however many replicas run. The count is
/// one statement committed on its own before the turn's transaction opens: the counter rows are locked only for that
/// statement, never for the turn (an organization's turns, model calls included, run side by side). It commits without
/// waiting for the disk: a crash of the database may forget the last fraction of a second of counts, and the turn's
/// own commit flushes them anyway.
/// </summary>
public sealed class RateLimits(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Counts <paramref name="turn"/> for its sender and its organization and says whether both are within their limit.
    /// A delivery already processed counts nothing (a redelivery is not a new turn); its transaction says "duplicate".
    /// Needs the organization entered on <paramref name="db"/> and no transaction open.
    /// </summary>
    public async Task<bool> CountAsync(OperatorOneDb db, Guid organizationId, InboundTurn turn, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var user = "user:" + turn.Channel + ":" + turn.ChannelUserId;
        // Both rows in one statement, user first then organization: every turn locks them in the same order.
        var counts = await db.Database.SqlQuery<WindowCount>($"""
            INSERT INTO rate_limit_windows (organization_id, key, window_start, count)
            SELECT {organizationId}, k.key, {window}, 1 FROM unnest(ARRAY[{user}, 'org']) WITH ORDINALITY AS k(key, n)
            WHERE set_config('synchronous_commit', 'off', true) IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM processed_deliveries d WHERE d.channel = {turn.Channel} AND d.delivery_id = {turn.DeliveryId})
            ORDER BY k.n
            ON CONFLICT (organization_id, key) DO UPDATE SET
              count = CASE WHEN rate_limit_windows.window_start = excluded.window_start THEN rate_limit_windows.count + 1 ELSE 1 END,
              window_start = excluded.window_start
            RETURNING key AS "Key", count AS "Count"
            """).ToListAsync(cancellationToken);
        var limits = options.Value;
        return counts.All(c => c.Count <= (c.Key == "org" ? limits.TurnsPerOrganizationPerMinute : limits.TurnsPerUserPerMinute));
    }

    private sealed record WindowCount(string Key, int Count);
}
