using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PassesSignedOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "passes",
                columns: table => new
                {
                    PassId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "text", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passes", x => x.PassId);
                    table.ForeignKey(
                        name: "FK_passes_appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_passes_AppointmentId",
                table: "passes",
                column: "AppointmentId",
                unique: true);

            // Existing appointments keep their pass ids; `puente db migrate` signs their tokens after this step.
            migrationBuilder.Sql("""INSERT INTO passes ("PassId", "AppointmentId", "KeyId", "Token", "SignedAt") SELECT "PassId", "Id", '', '', now() FROM appointments""");

            migrationBuilder.DropIndex(
                name: "IX_appointments_PassId",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "PassId",
                table: "appointments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "passes");

            migrationBuilder.AddColumn<string>(
                name: "PassId",
                table: "appointments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_appointments_PassId",
                table: "appointments",
                column: "PassId",
                unique: true);
        }
    }
}
