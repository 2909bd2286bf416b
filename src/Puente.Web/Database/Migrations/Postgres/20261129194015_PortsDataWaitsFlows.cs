using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
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
                    PortCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bts_monthly_counts", x => new { x.PortCode, x.Measure, x.Month, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "wait_polls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CollectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    MexicanCrossings = table.Column<int>(type: "integer", nullable: false),
                    CanadianSkipped = table.Column<int>(type: "integer", nullable: false),
                    UnknownPortNumbers = table.Column<string>(type: "text", nullable: false),
                    Problems = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wait_polls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wait_observations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PollId = table.Column<Guid>(type: "uuid", nullable: false),
                    PortNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CrossingNumber = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    PortCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    PortStatus = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Lane = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OperationalStatus = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdateTimeText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DelayText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LanesOpenText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MaximumLanesText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DelayMinutes = table.Column<int>(type: "integer", nullable: true),
                    LanesOpen = table.Column<int>(type: "integer", nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CollectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Freshness = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
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
