using Npgsql;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>
/// On the migrated database: every table with an organization_id (and organizations itself) has row-level security on
/// and the tenant policy for every command. FORCE is not part of the design: the bot's role owns no table and cannot
/// bypass RLS (the bot refuses to start otherwise), so the policies apply to it without FORCE; this test holds that too.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class RowLevelSecurityCoverageTests(BotHost host)
{
    private const string TenantTables = """
        SELECT c.table_name FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND t.table_type = 'BASE TABLE'
        UNION SELECT 'organizations'
        """;

    [Fact]
    public async Task EveryTableWithAnOrganizationIdHasRowLevelSecurityOnAndTheTenantPolicyForEveryCommand()
    {
        var rows = await QueryAsync($"""
            SELECT t.table_name, cl.relrowsecurity, p.cmd, p.permissive, p.roles::text, p.qual, p.with_check
              FROM ({TenantTables}) t
              JOIN pg_class cl ON cl.relname = t.table_name AND cl.relnamespace = 'public'::regnamespace
              LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = t.table_name AND p.policyname = 'tenant_isolation'
             ORDER BY 1
            """, r => (Table: r.GetString(0), Enabled: r.GetBoolean(1), Command: r.IsDBNull(2) ? null : r.GetString(2),
                Permissive: r.IsDBNull(3) ? null : r.GetString(3), Roles: r.IsDBNull(4) ? null : r.GetString(4),
                Using: r.IsDBNull(5) ? null : r.GetString(5), Check: r.IsDBNull(6) ? null : r.GetString(6)));

        Assert.Contains(rows, r => r.Table == "processed_deliveries");
        Assert.True(rows.Count >= 40, $"only {rows.Count} tenant tables found");
        var unprotected = rows.Where(r =>
        {
            var condition = r.Table == "organizations" ? "(id = op_current_org())" : "(organization_id = op_current_org())";
            return !r.Enabled || r.Command != "ALL" || r.Permissive != "PERMISSIVE" || r.Roles != "{public}" || r.Using != condition || r.Check != condition;
        }).Select(r => $"{r.Table} (rls {(r.Enabled ? "on" : "OFF")}, policy {r.Command ?? "MISSING"} {r.Using} / {r.Check})").ToList();
        Assert.True(unprotected.Count == 0, "Tenant tables without row-level security and the tenant policy: " + string.Join("; ", unprotected));
    }

    [Fact]
    public async Task TheBotsRoleOwnsNoTenantTableAndCannotBypassRowLevelSecuritySoNoTableNeedsForce()
    {
        var user = new NpgsqlConnectionStringBuilder(host.RuntimeConnectionString).Username!;

        var role = await QueryAsync($"SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = '{user}'", r => (Super: r.GetBoolean(0), Bypass: r.GetBoolean(1)));
        var owned = await QueryAsync($"""
            SELECT t.table_name FROM ({TenantTables}) t
              JOIN pg_class cl ON cl.relname = t.table_name AND cl.relnamespace = 'public'::regnamespace
             WHERE pg_has_role('{user}', cl.relowner, 'USAGE')
            """, r => r.GetString(0));

        Assert.Equal([(false, false)], role);
        Assert.True(owned.Count == 0, $"{user} owns (or is a member of the owner of) tenant tables, so their policies would not apply without FORCE: {string.Join(", ", owned)}");
    }

    [Fact]
    public async Task UnderAnotherOrganizationTheBotsRoleSeesNoRowOfAnyTenantTable()
    {
        var organization = await TestOrganization.CreateAsync(host);
        var tables = await QueryAsync(TenantTables, r => r.GetString(0));
        await using var connection = new NpgsqlConnection(host.RuntimeConnectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.organization_id', '{Guid.NewGuid()}', false)", connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        var visible = new List<string>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                visible.Add(table);
            }
        }

        // The test organization alone has rows in organizations, members, channel_installations and channel_identities.
        var own = await QueryAsync($"SELECT count(*) FROM members WHERE organization_id = '{organization.Id}'", r => r.GetInt64(0));
        Assert.Equal([5L], own);
        Assert.True(visible.Count == 0, "Rows visible to another organization in: " + string.Join(", ", visible));
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read) =>
        await TestPostgres.QueryAsAdminAsync(host.AdminConnectionString, sql, reader =>
        {
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
            return rows;
        });
}
