using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Sqlite
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
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SimulatorVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InputsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Demand = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MeanDailyArrivals = table.Column<double>(type: "REAL", nullable: false),
                    ReentryShare = table.Column<double>(type: "REAL", nullable: false),
                    PlacesPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    PriorityPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false),
                    Selected = table.Column<int>(type: "INTEGER", nullable: false),
                    MedianDays = table.Column<int>(type: "INTEGER", nullable: true),
                    P90Days = table.Column<int>(type: "INTEGER", nullable: true),
                    SelectedWithin30Days = table.Column<double>(type: "REAL", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
