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
/// Fixed one-minute windows counted in PostgreSQL (op_count_turn), so the limit holds exactly however many replicas run.
/// The count is one statement committed on its own before the turn's transaction opens: the counter rows are locked only
/// for that statement, never for the turn (an organization's turns, model calls included, run side by side). It commits
/// without waiting for the disk: a crash of the database may forget the last fraction of a second of counts, and the
/// turn's own commit flushes them anyway.
/// </summary>
public sealed class RateLimits(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The turn's first statement: enters the organization holding the turn's installation on the connection (which must
    /// be open, with no transaction) and counts the turn there, in one round trip. A web chat post's Direct Line
    /// conversation (<see cref="InboundTurn.ConversationIsLogged"/>) is checked in the same statement (its endpoint reads
    /// nothing): when it is not the site's, nothing is counted. Null when nobody's installation.
    /// </summary>
    public async Task<EnteredTurn?> EnterAndCountAsync(OperatorOneDb db, InboundTurn turn, CancellationToken cancellationToken)
    {
        var conversation = turn.ConversationIsLogged ? turn.Reference.Conversation.Id : null;
        var rows = await db.Database.SqlQuery<EnteredCounts>($"""
            SELECT organization_id AS "OrganizationId", user_count AS "UserCount", org_count AS "OrgCount",
                   conversation_found AS "ConversationFound", set_config('synchronous_commit', 'off', true) AS "Asynchronous"
              FROM op_enter_turn({turn.Channel}, {turn.InstallationId}, {UserKey(turn)}, {turn.DeliveryId}, {Window()}, {conversation}::text)
            """).ToListAsync(cancellationToken);
        if (rows is not [var row])
        {
            return null;
        }
        db.EnteredOnConnection(row.OrganizationId);
        return new EnteredTurn(row.OrganizationId, Within(row.UserCount, row.OrgCount), row.ConversationFound);
    }

    /// <summary>
    /// Counts <paramref name="turn"/> for its sender and its organization and says whether both are within their limit.
    /// A delivery already processed counts nothing (a redelivery is not a new turn); its transaction says "duplicate".
    /// Needs the organization entered on <paramref name="db"/> and no transaction open.
    /// </summary>
    public async Task<bool> CountAsync(OperatorOneDb db, Guid organizationId, InboundTurn turn, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<Counts>($"""
            SELECT {organizationId} AS "OrganizationId", user_count AS "UserCount", org_count AS "OrgCount",
                   set_config('synchronous_commit', 'off', true) AS "Asynchronous"
              FROM op_count_turn({organizationId}, {UserKey(turn)}, {turn.Channel}, {turn.DeliveryId}, {Window()})
            """).ToListAsync(cancellationToken);
        var counts = rows.Single();
        return Within(counts.UserCount, counts.OrgCount);
    }

    private static string UserKey(InboundTurn turn) => "user:" + turn.Channel + ":" + turn.ChannelUserId;

    private DateTimeOffset Window()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
    }

    private bool Within(int userCount, int orgCount) =>
        userCount <= options.Value.TurnsPerUserPerMinute && orgCount <= options.Value.TurnsPerOrganizationPerMinute;

    // Asynchronous: the count commits without waiting for the disk, so the counter rows are held for no flush. Set by
    // this statement, not inside the function, whose SET clause would undo it on return.
    private sealed record Counts(Guid OrganizationId, int UserCount, int OrgCount, string Asynchronous);

    private sealed record EnteredCounts(Guid OrganizationId, int UserCount, int OrgCount, bool ConversationFound, string Asynchronous);
}

/// <summary>
/// The organization a turn's installation belongs to, entered on the connection, whether the turn is within its limits,
/// and (web chat) whether its conversation is the site's; a turn whose conversation is not was not counted.
/// </summary>
public sealed record EnteredTurn(Guid OrganizationId, bool Allowed, bool ConversationFound);
