using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OperatorOne.Data.Migrations
{
    /// <summary>
    /// The Direct Line activity log of the web chat, tenant-isolated like every business table. An insert notifies
    /// <c>direct_line</c> with the conversation id so every replica's open streams wake; a SECURITY DEFINER lookup
    /// names a conversation's organization for outbound sends, which know only the conversation id.
    /// </summary>
    public partial class WebChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "direct_line_conversations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    last_sequence = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_direct_line_conversations", x => x.id);
                    table.ForeignKey(
                        name: "fk_direct_line_conversations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "direct_line_activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    activity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    client_activity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    activity = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_direct_line_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_direct_line_activities_direct_line_conversations_conversation~",
                        column: x => x.conversation_id,
                        principalTable: "direct_line_conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_direct_line_activities_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_direct_line_activities_conversation_id_client_activity_id",
                table: "direct_line_activities",
                columns: new[] { "conversation_id", "client_activity_id" },
                unique: true,
                filter: "client_activity_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_direct_line_activities_conversation_id_sequence",
                table: "direct_line_activities",
                columns: new[] { "conversation_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_direct_line_activities_organization_id",
                table: "direct_line_activities",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_direct_line_conversations_organization_id",
                table: "direct_line_conversations",
                column: "organization_id");

            migrationBuilder.Sql("SELECT op_enable_tenant_isolation('direct_line_conversations');");
            migrationBuilder.Sql("SELECT op_enable_tenant_isolation('direct_line_activities');");
            migrationBuilder.Sql("""
                CREATE FUNCTION op_notify_direct_line() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM pg_notify('direct_line', NEW.conversation_id);
                  RETURN NULL;
                END $$;

                CREATE TRIGGER direct_line_activity_notify AFTER INSERT ON direct_line_activities
                  FOR EACH ROW EXECUTE FUNCTION op_notify_direct_line();

                CREATE FUNCTION op_find_direct_line_conversation(p_conversation_id text) RETURNS uuid
                  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
                  $$ SELECT organization_id FROM direct_line_conversations WHERE id = p_conversation_id $$;

                GRANT EXECUTE ON FUNCTION op_notify_direct_line(), op_find_direct_line_conversation(text) TO operatorone_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION op_find_direct_line_conversation(text);
                DROP TRIGGER direct_line_activity_notify ON direct_line_activities;
                DROP FUNCTION op_notify_direct_line();
                """);
            migrationBuilder.DropTable(
                name: "direct_line_activities");

            migrationBuilder.DropTable(
                name: "direct_line_conversations");
        }
    }
}
