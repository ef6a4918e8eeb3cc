using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace OperatorOne.Data.Migrations
{
    /// <summary>
    /// Documents, their bytes, teams and team members, tenant-isolated. Documents add a restrictive visibility policy
    /// on <c>app.member_id</c> (set beside <c>app.organization_id</c>): organization-wide rows for everyone, team rows
    /// for the team's members, private rows for the owner; with no member only organization-wide rows. Their bytes
    /// are visible exactly when the document is. Every other table keeps its organization-only policy.
    /// </summary>
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The generated tsvector needs an immutable way to join tags; array_to_string is only stable.
            migrationBuilder.Sql("""
                CREATE FUNCTION op_tags_text(p_tags text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
                  $$ SELECT coalesce(array_to_string(p_tags, ' '), '') $$;
                CREATE FUNCTION op_current_member() RETURNS uuid LANGUAGE sql STABLE AS
                  $$ SELECT nullif(current_setting('app.member_id', true), '')::uuid $$;
                """);

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_teams_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', op_tags_text(tags)), 'B') || setweight(to_tsvector('english', text), 'C')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_documents_members_owner_id",
                        column: x => x.owner_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_documents_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_documents_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_members", x => new { x.team_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_team_members_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_team_members_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_team_members_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_contents",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_contents", x => x.document_id);
                    table.ForeignKey(
                        name: "fk_document_contents_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_document_contents_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_contents_organization_id",
                table: "document_contents",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_documents_organization_id_owner_id",
                table: "documents",
                columns: new[] { "organization_id", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_documents_owner_id",
                table: "documents",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_documents_search_vector",
                table: "documents",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_documents_tags",
                table: "documents",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_documents_team_id",
                table: "documents",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_member_id",
                table: "team_members",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_organization_id",
                table: "team_members",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_organization_id_name",
                table: "teams",
                columns: new[] { "organization_id", "name" },
                unique: true);

            foreach (var table in new[] { "teams", "team_members", "documents", "document_contents" })
            {
                migrationBuilder.Sql($"SELECT op_enable_tenant_isolation('{table}');");
            }
            migrationBuilder.Sql("""
                CREATE POLICY document_visibility ON documents AS RESTRICTIVE
                  USING (visibility = 'Organization'
                         OR owner_id = op_current_member()
                         OR (visibility = 'Team' AND EXISTS (
                               SELECT 1 FROM team_members tm WHERE tm.team_id = documents.team_id AND tm.member_id = op_current_member())));
                CREATE POLICY document_visibility ON document_contents AS RESTRICTIVE
                  USING (EXISTS (SELECT 1 FROM documents d WHERE d.id = document_contents.document_id));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_contents");

            migrationBuilder.DropTable(
                name: "team_members");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.Sql("DROP FUNCTION op_current_member(); DROP FUNCTION op_tags_text(text[]);");
        }
    }
}
