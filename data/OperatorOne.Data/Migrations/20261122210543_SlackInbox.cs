using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OperatorOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlackInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "revoked_at",
                table: "channel_installations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "slack_inbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<string>(type: "text", nullable: false),
                    delivery_id = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    claimed_by = table.Column<string>(type: "text", nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_slack_inbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_slack_inbox_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_slack_inbox_organization_id",
                table: "slack_inbox",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_slack_inbox_status_next_attempt_at",
                table: "slack_inbox",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_slack_inbox_team_id_delivery_id",
                table: "slack_inbox",
                columns: new[] { "team_id", "delivery_id" },
                unique: true);
            migrationBuilder.Sql("SELECT op_enable_tenant_isolation('slack_inbox');");
            migrationBuilder.Sql("""
                -- Claims due Slack inbox rows for one worker; an expired lease (a crashed replica) makes a row claimable again.
                CREATE FUNCTION op_claim_slack_inbox(p_worker text, p_batch int, p_lease_seconds int)
                  RETURNS TABLE (id bigint, organization_id uuid)
                  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  UPDATE slack_inbox s
                     SET claimed_by = p_worker, claimed_until = now() + make_interval(secs => p_lease_seconds)
                   WHERE s.id IN (
                         SELECT c.id FROM slack_inbox c
                          WHERE c.status = 'Pending' AND c.next_attempt_at <= now()
                            AND (c.claimed_until IS NULL OR c.claimed_until < now())
                          ORDER BY c.next_attempt_at, c.id
                          LIMIT p_batch
                          FOR UPDATE SKIP LOCKED)
                  RETURNING s.id, s.organization_id $$;

                -- A stopping replica hands back what it claimed and did not run.
                CREATE FUNCTION op_release_slack_inbox(p_worker text) RETURNS void
                  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
                  $$ UPDATE slack_inbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = p_worker AND status = 'Pending' $$;

                -- Finished rows are kept a while (they also refuse late retries), then removed across organizations.
                CREATE FUNCTION op_purge_slack_inbox(p_keep_hours int) RETURNS void
                  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
                  $$ DELETE FROM slack_inbox WHERE status <> 'Pending' AND created_at < now() - make_interval(hours => p_keep_hours) $$;

                GRANT EXECUTE ON FUNCTION op_claim_slack_inbox(text, int, int), op_release_slack_inbox(text), op_purge_slack_inbox(int) TO operatorone_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION op_purge_slack_inbox(int); DROP FUNCTION op_release_slack_inbox(text); DROP FUNCTION op_claim_slack_inbox(text, int, int);");
            migrationBuilder.DropTable(
                name: "slack_inbox");

            migrationBuilder.DropColumn(
                name: "revoked_at",
                table: "channel_installations");
        }
    }
}
