using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortsBtsSeriesUncompressed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A series (about 360 months) is larger than a page's inline limit: stored out of line, uncompressed, so
            // writing the whole BTS file's 321 series does not compress each one again (ADR 0021).
            migrationBuilder.Sql(@"ALTER TABLE bts_series ALTER COLUMN ""Values"" SET STORAGE EXTERNAL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"ALTER TABLE bts_series ALTER COLUMN ""Values"" SET STORAGE EXTENDED;");
        }
    }
}
