using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortsLaneStatusAndClosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_passes_AppointmentId",
                table: "passes");

            migrationBuilder.AddColumn<string>(
                name: "AppointmentCrossing",
                table: "ports",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppointmentLane",
                table: "ports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RevokedAt",
                table: "passes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PortCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    CrossingNumber = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Lane = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReopenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReopenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReopenedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_closures_crossing_lanes_CrossingNumber_Lane",
                        columns: x => new { x.CrossingNumber, x.Lane },
                        principalTable: "crossing_lanes",
                        principalColumns: new[] { "CrossingNumber", "Type" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_closures_ports_PortCode",
                        column: x => x.PortCode,
                        principalTable: "ports",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lane_status_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CrossingNumber = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Lane = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FromSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FromExpectedReopening = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ToReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ToExpectedReopening = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosureId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lane_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lane_status_changes_crossing_lanes_CrossingNumber_Lane",
                        columns: x => new { x.CrossingNumber, x.Lane },
                        principalTable: "crossing_lanes",
                        principalColumns: new[] { "CrossingNumber", "Type" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lane_statuses",
                columns: table => new
                {
                    CrossingNumber = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Lane = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpectedReopening = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lane_statuses", x => new { x.CrossingNumber, x.Lane });
                    table.ForeignKey(
                        name: "FK_lane_statuses_crossing_lanes_CrossingNumber_Lane",
                        columns: x => new { x.CrossingNumber, x.Lane },
                        principalTable: "crossing_lanes",
                        principalColumns: new[] { "CrossingNumber", "Type" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "appointment_moves",
                columns: table => new
                {
                    ClosureId = table.Column<Guid>(type: "uuid", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Persons = table.Column<int>(type: "integer", nullable: false),
                    FromPort = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    FromSlot = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ToPort = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ToSlot = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Rule = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appointment_moves", x => new { x.ClosureId, x.AppointmentId });
                    table.ForeignKey(
                        name: "FK_appointment_moves_appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_appointment_moves_closures_ClosureId",
                        column: x => x.ClosureId,
                        principalTable: "closures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_passes_AppointmentId",
                table: "passes",
                column: "AppointmentId",
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_appointment_moves_AppointmentId",
                table: "appointment_moves",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_closures_CrossingNumber_Lane_FirstDate_LastDate",
                table: "closures",
                columns: new[] { "CrossingNumber", "Lane", "FirstDate", "LastDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_closures_PortCode_FirstDate",
                table: "closures",
                columns: new[] { "PortCode", "FirstDate" });

            migrationBuilder.CreateIndex(
                name: "IX_lane_status_changes_CrossingNumber_Lane_ChangedAt",
                table: "lane_status_changes",
                columns: new[] { "CrossingNumber", "Lane", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointment_moves");

            migrationBuilder.DropTable(
                name: "lane_status_changes");

            migrationBuilder.DropTable(
                name: "lane_statuses");

            migrationBuilder.DropTable(
                name: "closures");

            migrationBuilder.DropIndex(
                name: "IX_passes_AppointmentId",
                table: "passes");

            migrationBuilder.DropColumn(
                name: "AppointmentCrossing",
                table: "ports");

            migrationBuilder.DropColumn(
                name: "AppointmentLane",
                table: "ports");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "passes");

            migrationBuilder.CreateIndex(
                name: "IX_passes_AppointmentId",
                table: "passes",
                column: "AppointmentId",
                unique: true);
        }
    }
}
