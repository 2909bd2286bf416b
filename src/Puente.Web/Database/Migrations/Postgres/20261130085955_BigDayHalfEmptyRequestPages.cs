using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BigDayHalfEmptyRequestPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "appointment_requests")
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "appointment_requests")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 50);
        }
    }
}
