using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OperatorOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class AiHub : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "llm_daily_tokens",
                table: "organizations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "llm_max_output_tokens",
                table: "organizations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "llm_model",
                table: "organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "llm_monthly_cost_usd",
                table: "organizations",
                type: "numeric(12,4)",
                precision: 12,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<float>(
                name: "llm_temperature",
                table: "organizations",
                type: "real",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "summary",
                table: "conversations",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "summary_through_message_id",
                table: "conversations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "llm_daily_tokens",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "llm_max_output_tokens",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "llm_model",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "llm_monthly_cost_usd",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "llm_temperature",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "summary",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "summary_through_message_id",
                table: "conversations");
        }
    }
}
