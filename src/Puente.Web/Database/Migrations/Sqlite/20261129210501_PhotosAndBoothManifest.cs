using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhotosAndBoothManifest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "traveller_checkins",
                columns: table => new
                {
                    ServiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdentityKey = table.Column<string>(type: "TEXT", maxLength: 510, nullable: false),
                    TravellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OfficerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traveller_checkins", x => new { x.ServiceDate, x.IdentityKey });
                });

            migrationBuilder.CreateTable(
                name: "traveller_photos",
                columns: table => new
                {
                    TravellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Protected = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traveller_photos", x => x.TravellerId);
                    table.ForeignKey(
                        name: "FK_traveller_photos_travellers_TravellerId",
                        column: x => x.TravellerId,
                        principalTable: "travellers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_traveller_checkins_AppointmentId",
                table: "traveller_checkins",
                column: "AppointmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "traveller_checkins");

            migrationBuilder.DropTable(
                name: "traveller_photos");
        }
    }
}
