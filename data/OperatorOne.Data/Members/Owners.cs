using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OperatorOne.Data.Members;

/// <summary>
/// The organization always keeps at least one active owner, or nobody could ever manage it again. Every path that
/// demotes, deactivates or removes a member asks here first for the reason to refuse; the members_keep_an_owner trigger
/// (Schema.sql) refuses the same change in the database, so concurrent changes cannot both take the last two owners.
/// </summary>
public static class Owners
{
    /// <summary>The constraint name the trigger raises with.</summary>
    public const string Constraint = "op_keep_an_owner";

    /// <summary>
    /// Null when <paramref name="target"/> may stop being an active owner (they are not one, or another active owner
    /// remains); otherwise why not. Locks the organization's row until the transaction ends, so owner changes queue.
    /// </summary>
    public static async Task<string?> LastOwnerRefusalAsync(OperatorOneDb db, Member target, CancellationToken cancellationToken)
    {
        if (target is not { Role: MemberRole.Owner, IsActive: true })
        {
            return null;
        }
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM organizations WHERE id = {target.OrganizationId} FOR UPDATE", cancellationToken);
        var another = await db.Members.AnyAsync(m => m.Id != target.Id && m.Role == MemberRole.Owner && m.IsActive, cancellationToken);
        return another ? null : Refusal(target.DisplayName);
    }

    public static string Refusal(string name) =>
        $"{name} is the organization's last active owner; make another member an owner first, so the organization keeps one.";

    /// <summary>Whether saving failed because the trigger refused to leave the organization without an owner.</summary>
    public static bool IsLastOwnerViolation(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException) is { ConstraintName: Constraint };
}
