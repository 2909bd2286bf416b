using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortsBtsSeriesNarrow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each stored series keeps its eight bytes a month behind the width byte 0x88; the next import of its port
            // writes it as narrow as its counts allow, small enough to stay in its row (ADR 0021).
            migrationBuilder.Sql(@"UPDATE bts_series SET ""Values"" = '\x88'::bytea || ""Values"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to eight bytes a month: a month of w bytes is widened with leading zeros, and all ones stays all ones
            // (no value).
            migrationBuilder.Sql(@"
UPDATE bts_series SET ""Values"" = coalesce((
    SELECT string_agg(CASE
            WHEN substring(""Values"" FROM 2 + i * w FOR w) = substring('\xffffffffffffffff'::bytea FROM 1 FOR w) THEN '\xffffffffffffffff'::bytea
            ELSE substring('\x0000000000000000'::bytea FROM 1 FOR 8 - w) || substring(""Values"" FROM 2 + i * w FOR w) END, ''::bytea ORDER BY i)
    FROM (SELECT get_byte(""Values"", 0) - 128 AS w) AS width, generate_series(0, (length(""Values"") - 1) / w - 1) AS i), ''::bytea);");
        }
    }
}
