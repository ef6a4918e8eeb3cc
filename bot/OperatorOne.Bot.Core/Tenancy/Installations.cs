using Microsoft.EntityFrameworkCore;
using Npgsql;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Bot.Core.Tenancy;

/// <summary>Which organization a channel installation belongs to: the one lookup that crosses organizations.</summary>
public static class Installations
{
    /// <summary>The organization holding the proven installation of this id; pending claims and revoked installations route nothing.</summary>
    public static async Task<Guid?> FindOrganizationAsync(OperatorOneDb db, string channel, string externalId, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<Guid>($"SELECT organization_id AS \"Value\" FROM op_find_installation({channel}, {externalId}) WHERE NOT revoked")
            .ToListAsync(cancellationToken);
        return rows.Count == 1 ? rows[0] : null;
    }

    /// <summary>
    /// <see cref="FindOrganizationAsync"/> and entering the organization found, in one statement: the same query writes
    /// <c>app.organization_id</c> (and clears the member) on the connection, which must be open.
    /// </summary>
    public static async Task<Guid?> EnterOrganizationAsync(OperatorOneDb db, string channel, string externalId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<Guid>($"""
            SELECT organization_id AS "Value" FROM op_find_installation({channel}, {externalId})
            WHERE NOT revoked AND set_config('app.organization_id', organization_id::text, false) IS NOT NULL
              AND set_config('app.member_id', '', false) IS NOT NULL
            """).ToListAsync(cancellationToken);
        if (rows.Count > 1)
        {
            // The unique index on proven installations makes this impossible; a connection left in some tenant must not be used.
            throw new InvalidOperationException($"Installation {channel}/{externalId} is proven for {rows.Count} organizations.");
        }
        if (rows.Count == 0)
        {
            return null;
        }
        db.EnteredOnConnection(rows[0]);
        return rows[0];
    }

    /// <summary>The organization that owns this installation, revoked or not: for reconnecting and for refusing another's.</summary>
    public static async Task<Guid?> FindOwnerAsync(OperatorOneDb db, string channel, string externalId, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<Guid>($"SELECT organization_id AS \"Value\" FROM op_find_installation({channel}, {externalId})")
            .ToListAsync(cancellationToken);
        return rows.Count == 1 ? rows[0] : null;
    }

    /// <summary>
    /// Marks the organization's installation proven and saves. When another organization already holds the id it stays
    /// pending with <paramref name="takenReason"/> (saved too) and the answer is false.
    /// </summary>
    public static async Task<bool> MarkProvenAsync(OperatorOneDb db, ChannelInstallation installation, string proof, string takenReason,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindOrganizationAsync(db, installation.Channel, installation.ExternalId, cancellationToken) is { } holder
            && holder != installation.OrganizationId)
        {
            installation.PendingReason = takenReason;
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        installation.VerifiedAt ??= now;
        installation.Proof = proof;
        installation.ChallengeHash = null;
        installation.PendingReason = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another organization proved the same id a moment ago.
            installation.VerifiedAt = null;
            installation.Proof = null;
            installation.PendingReason = takenReason;
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
    }
}
