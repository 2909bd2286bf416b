using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BeaconRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BeaconReason",
                table: "draw_days",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BeaconRoundAt",
                table: "draw_days",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeaconStatus",
                table: "draw_days",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BeaconReason",
                table: "draw_days");

            migrationBuilder.DropColumn(
                name: "BeaconRoundAt",
                table: "draw_days");

            migrationBuilder.DropColumn(
                name: "BeaconStatus",
                table: "draw_days");
        }
    }
}
