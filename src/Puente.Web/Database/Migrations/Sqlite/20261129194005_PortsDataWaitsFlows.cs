using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortsDataWaitsFlows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bts_monthly_counts",
                columns: table => new
                {
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bts_monthly_counts", x => new { x.PortCode, x.Measure, x.Month, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "wait_polls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CollectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    MexicanCrossings = table.Column<int>(type: "INTEGER", nullable: false),
                    CanadianSkipped = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownPortNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    Problems = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wait_polls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wait_observations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CrossingNumber = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    PortStatus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OperationalStatus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdateTimeText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DelayText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LanesOpenText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MaximumLanesText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DelayMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    LanesOpen = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CollectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Freshness = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wait_observations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wait_observations_wait_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "wait_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wait_observations_PollId",
                table: "wait_observations",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_wait_observations_PortCode_CollectedAt",
                table: "wait_observations",
                columns: new[] { "PortCode", "CollectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wait_polls_CollectedAt",
                table: "wait_polls",
                column: "CollectedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bts_monthly_counts");

            migrationBuilder.DropTable(
                name: "wait_observations");

            migrationBuilder.DropTable(
                name: "wait_polls");
        }
    }
}
