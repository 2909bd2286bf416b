using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BinationalScenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "binational_scenarios",
                columns: table => new
                {
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    SimulatorVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InputsHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Scenario = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Demand = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MeanDailyArrivals = table.Column<double>(type: "double precision", nullable: false),
                    ReentryShare = table.Column<double>(type: "double precision", nullable: false),
                    PlacesPerDay = table.Column<int>(type: "integer", nullable: false),
                    PriorityPercent = table.Column<int>(type: "integer", nullable: false),
                    Requests = table.Column<int>(type: "integer", nullable: false),
                    Selected = table.Column<int>(type: "integer", nullable: false),
                    MedianDays = table.Column<int>(type: "integer", nullable: true),
                    P90Days = table.Column<int>(type: "integer", nullable: true),
                    SelectedWithin30Days = table.Column<double>(type: "double precision", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_binational_scenarios", x => new { x.PeriodFrom, x.PeriodTo, x.SimulatorVersion, x.InputsHash, x.Scenario });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "binational_scenarios");
        }
    }
}
