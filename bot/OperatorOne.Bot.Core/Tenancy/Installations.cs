using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Tenancy;

/// <summary>Which organization a channel installation belongs to: the one lookup that crosses organizations.</summary>
public static class Installations
{
    /// <summary>The organization this installation routes to; none once it is revoked (uninstalled, tokens revoked).</summary>
    public static async Task<Guid?> FindOrganizationAsync(OperatorOneDb db, string channel, string externalId, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<Guid>($"SELECT organization_id AS \"Value\" FROM op_find_installation({channel}, {externalId}) WHERE NOT revoked")
            .ToListAsync(cancellationToken);
        return rows.Count == 1 ? rows[0] : null;
    }

    /// <summary>The organization that owns this installation, revoked or not: for reconnecting and for refusing another's.</summary>
    public static async Task<Guid?> FindOwnerAsync(OperatorOneDb db, string channel, string externalId, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<Guid>($"SELECT organization_id AS \"Value\" FROM op_find_installation({channel}, {externalId})")
            .ToListAsync(cancellationToken);
        return rows.Count == 1 ? rows[0] : null;
    }
}
