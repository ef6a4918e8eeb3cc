using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OperatorOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class TelemetryBacklog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The metrics gauges count across every organization; row-level security would hide all rows from the runtime role.
            migrationBuilder.Sql("""
                CREATE FUNCTION op_backlog() RETURNS TABLE (pending_approvals bigint, outbox_depth bigint)
                  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT (SELECT count(*) FROM approval_requests WHERE status = 'Pending'),
                         (SELECT count(*) FROM outbox_messages WHERE status = 'Pending') $$;
                GRANT EXECUTE ON FUNCTION op_backlog() TO operatorone_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION op_backlog();");
        }
    }
}
