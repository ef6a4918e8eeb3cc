using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Approvals;

/// <summary>
/// Who may decide an approval: active members at or above its role. Asked when a request is made (who gets the card),
/// before it is made (can anyone decide it at all) and when the requester clicks (may they decide their own).
/// </summary>
internal static class Approvers
{
    /// <summary>Roles are stored by name, so their order is compared here, not in SQL (where "Viewer" > "Admin").</summary>
    public static async Task<List<Guid>> EligibleAsync(OperatorOneDb db, MemberRole required, CancellationToken cancellationToken) =>
        (await db.Members.Where(m => m.IsActive).Select(m => new { m.Id, m.Role }).ToListAsync(cancellationToken))
            .Where(m => m.Role >= required)
            .Select(m => m.Id)
            .ToList();

    /// <summary>Whether someone other than <paramref name="requester"/> can decide: then self-approval never applies.</summary>
    public static async Task<bool> AnyBesidesAsync(OperatorOneDb db, Guid? requester, MemberRole required, CancellationToken cancellationToken) =>
        (await EligibleAsync(db, required, cancellationToken)).Any(id => id != requester);
}
