using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.Bot.Hosting;

/// <summary>Refuses to run as a role that would silently bypass tenant isolation.</summary>
internal static class RuntimeRole
{
    public static async Task EnsureSubjectToRowLevelSecurityAsync(OperatorOneDb db, CancellationToken cancellationToken)
    {
        var check = await db.Database.SqlQuery<RoleCheck>($"""
            SELECT current_user AS "Name", r.rolsuper AS "IsSuperuser", r.rolbypassrls AS "BypassesRls",
                   EXISTS (SELECT 1 FROM pg_tables t WHERE t.tablename = 'tickets' AND t.tableowner = current_user) AS "OwnsTables"
            FROM pg_roles r WHERE r.rolname = current_user
            """).SingleAsync(cancellationToken);
        if (check.IsSuperuser || check.BypassesRls || check.OwnsTables)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:OperatorOne connects as '{check.Name}', which bypasses row-level security " +
                "(superuser, BYPASSRLS or table owner). Connect as a login role granted 'operatorone_app' and give the owner " +
                "role to ConnectionStrings:OperatorOneMigrations instead.");
        }
    }

    private sealed record RoleCheck(string Name, bool IsSuperuser, bool BypassesRls, bool OwnsTables);
}
