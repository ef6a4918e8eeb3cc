using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Members;

/// <summary>The clock each member reads times on; calendar notices, escalations and SLA alerts all ask it.</summary>
public static class MemberZones
{
    /// <summary>Each member's own time zone, or the organization's for those without one.</summary>
    public static async Task<Dictionary<Guid, TimeZoneInfo>> OfAsync(OperatorOneDb db, IReadOnlyCollection<Guid> members, CancellationToken cancellationToken)
    {
        var rows = await db.Members.Where(m => members.Contains(m.Id))
            .Select(m => new { m.Id, Zone = m.TimeZone ?? db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.TimeZone).First() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => NaturalDates.Zone(r.Zone));
    }
}
