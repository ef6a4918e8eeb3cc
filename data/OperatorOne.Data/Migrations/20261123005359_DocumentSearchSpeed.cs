using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace OperatorOne.Data.Migrations
{
    /// <summary>
    /// Search at 100,000 documents. Row-level security keeps the non-leakproof <c>@@</c> from being an index condition, so
    /// every search scanned and de-TOASTed the whole table. <c>op_document_candidates</c> (security definer, repeating
    /// the tenant and visibility rules) matches through the GIN indexes in three bounded probes, titles first; the
    /// caller's query then ranks only those, read by id under row-level security as before. The team rule reads the
    /// member's teams once per query (<c>op_current_member_teams</c>) instead of a subquery per row.
    /// </summary>
    public partial class DocumentSearchSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "title_vector",
                table: "documents",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', op_tags_text(tags)), 'B')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_documents_title_vector",
                table: "documents",
                column: "title_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.Sql("""
                CREATE FUNCTION op_current_member_teams() RETURNS uuid[]
                  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
                  $$ SELECT coalesce(array_agg(team_id), '{}') FROM team_members
                      WHERE member_id = op_current_member() AND organization_id = op_current_org() $$;

                DROP POLICY document_visibility ON documents;
                CREATE POLICY document_visibility ON documents AS RESTRICTIVE
                  USING (visibility = 'Organization'
                         OR owner_id = op_current_member()
                         OR (visibility = 'Team' AND team_id = ANY ((SELECT op_current_member_teams())::uuid[])));

                -- Three bounded probes, best first: every word in the title, some word in the title and every word in the
                -- text, every word anywhere. LIMIT without ORDER BY stops each heap scan early, so the work stays bounded
                -- however many documents match; the caller ranks the union. JIT off: compiling costs more than it runs.
                CREATE FUNCTION op_document_candidates(p_query tsquery, p_words tsquery, p_tag text, p_owner uuid, p_cap int)
                  RETURNS SETOF uuid
                  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
                  WITH visible AS NOT MATERIALIZED (
                    SELECT d.id, d.title_vector, d.search_vector FROM documents d
                     WHERE d.organization_id = op_current_org()
                       AND (d.visibility = 'Organization'
                            OR d.owner_id = op_current_member()
                            OR (d.visibility = 'Team' AND d.team_id = ANY ((SELECT op_current_member_teams())::uuid[])))
                       AND (p_tag IS NULL OR d.tags @> ARRAY[p_tag])
                       AND (p_owner IS NULL OR d.owner_id = p_owner))
                  (SELECT id FROM visible WHERE title_vector @@ p_query LIMIT p_cap)
                  UNION
                  (SELECT id FROM visible WHERE title_vector @@ p_words AND search_vector @@ p_query LIMIT p_cap)
                  UNION
                  (SELECT id FROM visible WHERE search_vector @@ p_query LIMIT p_cap) $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION op_document_candidates(tsquery, tsquery, text, uuid, int);
                DROP POLICY document_visibility ON documents;
                CREATE POLICY document_visibility ON documents AS RESTRICTIVE
                  USING (visibility = 'Organization'
                         OR owner_id = op_current_member()
                         OR (visibility = 'Team' AND EXISTS (
                               SELECT 1 FROM team_members tm WHERE tm.team_id = documents.team_id AND tm.member_id = op_current_member())));
                DROP FUNCTION op_current_member_teams();
                """);
            migrationBuilder.DropIndex(
                name: "ix_documents_title_vector",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "title_vector",
                table: "documents");
        }
    }
}
