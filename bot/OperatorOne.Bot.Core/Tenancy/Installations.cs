using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Tenancy;

/// <summary>Which organization a channel installation belongs to: the one lookup that crosses organizations.</summary>
public static class Installations
{
    public static async Task<Guid?> FindOrganizationAsync(OperatorOneDb db, string channel, string externalId, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<Guid>($"SELECT organization_id AS \"Value\" FROM op_find_installation({channel}, {externalId})")
            .ToListAsync(cancellationToken);
        return rows.Count == 1 ? rows[0] : null;
    }
}
