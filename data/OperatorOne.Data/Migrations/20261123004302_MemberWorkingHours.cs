using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OperatorOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberWorkingHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_working_hours",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ends_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_working_hours", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_working_hours_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_member_working_hours_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_member_working_hours_member_id",
                table: "member_working_hours",
                column: "member_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_working_hours_organization_id",
                table: "member_working_hours",
                column: "organization_id");

            // Working hours are tenant data like every calendar table: row-level security on organization_id.
            migrationBuilder.Sql("SELECT op_enable_tenant_isolation('member_working_hours');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_working_hours");
        }
    }
}
