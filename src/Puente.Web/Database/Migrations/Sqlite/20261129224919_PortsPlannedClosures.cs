using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortsPlannedClosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LaneClosedAt",
                table: "closures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LaneOpenedAt",
                table: "closures",
                type: "INTEGER",
                nullable: true);

            // Closures made before this migration closed their lane at once (when under way) and reopened it by hand:
            // mark what their lane changes already did, so that only what is still due is done by the sweep.
            migrationBuilder.Sql("""
                UPDATE "closures" SET "LaneClosedAt" = (SELECT MIN(c."ChangedAt") FROM "lane_status_changes" c
                    WHERE c."ClosureId" = "closures"."Id" AND c."ToStatus" = 'Closed');
                UPDATE "closures" SET "LaneOpenedAt" = (SELECT MAX(c."ChangedAt") FROM "lane_status_changes" c
                    WHERE c."ClosureId" = "closures"."Id" AND c."ToStatus" = 'Open');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LaneClosedAt",
                table: "closures");

            migrationBuilder.DropColumn(
                name: "LaneOpenedAt",
                table: "closures");
        }
    }
}
