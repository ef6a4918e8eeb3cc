using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OperatorOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdminApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "admin_approver_role",
                table: "organizations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "risky_write_approver_role",
                table: "organizations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_keys_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_member_id",
                table: "api_keys",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_organization_id",
                table: "api_keys",
                column: "organization_id");
            migrationBuilder.Sql("SELECT op_enable_tenant_isolation('api_keys');");
            // The one admin lookup before the tenant is known: which organization and member a presented key id belongs to.
            migrationBuilder.Sql("""
                CREATE FUNCTION op_find_api_key(p_id uuid)
                  RETURNS TABLE (organization_id uuid, member_id uuid, role text, secret_hash bytea, revoked_at timestamptz)
                  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
                  $$ SELECT organization_id, member_id, role, secret_hash, revoked_at FROM api_keys WHERE id = p_id $$;
                GRANT EXECUTE ON FUNCTION op_find_api_key(uuid) TO operatorone_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION op_find_api_key(uuid);");
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropColumn(
                name: "admin_approver_role",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "risky_write_approver_role",
                table: "organizations");
        }
    }
}
