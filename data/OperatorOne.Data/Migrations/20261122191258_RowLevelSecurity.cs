using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OperatorOne.Data.Migrations
{
    /// <summary>
    /// Tenant isolation: the app runs as a member of <c>operatorone_app</c>, which owns nothing and is subject to
    /// row-level security; every business table admits only rows of <c>app.organization_id</c>. The few reads that
    /// must cross organizations (which organization a channel installation belongs to, claiming outbox rows, listing
    /// organizations for periodic jobs) are SECURITY DEFINER functions owned by the migration role.
    /// </summary>
    public partial class RowLevelSecurity : Migration
    {
        private static readonly string[] BusinessTables =
        [
            "members", "channel_identities", "channel_installations", "conversations", "transcript_messages",
            "dialog_states", "rate_limit_windows", "approval_requests", "approval_card_copies", "outbox_messages",
            "audit_events", "tickets", "ticket_comments",
        ];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'operatorone_app') THEN
                    CREATE ROLE operatorone_app NOLOGIN;
                  END IF;
                END $$;

                CREATE FUNCTION op_current_org() RETURNS uuid LANGUAGE sql STABLE AS
                  $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$;

                CREATE FUNCTION op_enable_tenant_isolation(p_table regclass) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_table);
                  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (organization_id = op_current_org()) WITH CHECK (organization_id = op_current_org())', p_table);
                END $$;

                ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON organizations USING (id = op_current_org()) WITH CHECK (id = op_current_org());
                """);
            foreach (var table in BusinessTables)
            {
                migrationBuilder.Sql($"SELECT op_enable_tenant_isolation('{table}');");
            }
            migrationBuilder.Sql("""
                CREATE FUNCTION op_find_installation(p_channel text, p_external_id text)
                  RETURNS TABLE (organization_id uuid, installation_id uuid)
                  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
                  $$ SELECT organization_id, id FROM channel_installations WHERE channel = p_channel AND external_id = p_external_id $$;

                CREATE FUNCTION op_organization_ids() RETURNS SETOF uuid
                  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
                  $$ SELECT id FROM organizations ORDER BY id $$;

                -- Claims due outbox rows for one worker; SKIP LOCKED lets every replica claim a disjoint set.
                CREATE FUNCTION op_claim_outbox(p_worker text, p_batch int, p_lease_seconds int)
                  RETURNS TABLE (id bigint, organization_id uuid)
                  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  UPDATE outbox_messages o
                     SET claimed_by = p_worker, claimed_until = now() + make_interval(secs => p_lease_seconds)
                   WHERE o.id IN (
                         SELECT c.id FROM outbox_messages c
                          WHERE c.status = 'Pending' AND c.next_attempt_at <= now()
                            AND (c.claimed_until IS NULL OR c.claimed_until < now())
                          ORDER BY c.next_attempt_at, c.id
                          LIMIT p_batch
                          FOR UPDATE SKIP LOCKED)
                  RETURNING o.id, o.organization_id $$;

                -- A stopping replica hands back what it claimed and did not send.
                CREATE FUNCTION op_release_outbox(p_worker text) RETURNS void
                  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
                  $$ UPDATE outbox_messages SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = p_worker AND status = 'Pending' $$;

                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO operatorone_app;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO operatorone_app;
                GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO operatorone_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO operatorone_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO operatorone_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO operatorone_app;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION op_release_outbox(text);
                DROP FUNCTION op_claim_outbox(text, int, int);
                DROP FUNCTION op_organization_ids();
                DROP FUNCTION op_find_installation(text, text);
                DROP POLICY tenant_isolation ON organizations;
                ALTER TABLE organizations DISABLE ROW LEVEL SECURITY;
                """);
            foreach (var table in BusinessTables)
            {
                migrationBuilder.Sql($"DROP POLICY tenant_isolation ON {table}; ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
            }
            migrationBuilder.Sql("DROP FUNCTION op_enable_tenant_isolation(regclass); DROP FUNCTION op_current_org();");
        }
    }
}
