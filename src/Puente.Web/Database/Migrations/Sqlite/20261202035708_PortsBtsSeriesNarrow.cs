using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortsBtsSeriesNarrow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each stored series keeps its eight bytes a month behind the width byte 0x88; the next import of its port
            // writes it as narrow as its counts allow (ADR 0021).
            migrationBuilder.Sql(@"UPDATE bts_series SET ""Values"" = unhex('88' || hex(""Values""));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to eight bytes a month: a month of w bytes is widened with leading zeros, and all ones stays all ones
            // (no value).
            migrationBuilder.Sql(@"
UPDATE bts_series SET ""Values"" = coalesce((
    WITH RECURSIVE months(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM months WHERE i + 1 < (SELECT max(length(""Values"")) FROM bts_series))
    SELECT unhex(group_concat(CASE
            WHEN hex(substr(bts_series.""Values"", 2 + i * w, w)) = substr('FFFFFFFFFFFFFFFF', 1, 2 * w) THEN 'FFFFFFFFFFFFFFFF'
            ELSE substr('0000000000000000', 1, 16 - 2 * w) || hex(substr(bts_series.""Values"", 2 + i * w, w)) END, '' ORDER BY i))
    FROM months, (SELECT CAST(substr(hex(substr(bts_series.""Values"", 1, 1)), 2, 1) AS INTEGER) AS w)
    WHERE (i + 1) * w + 1 <= length(bts_series.""Values"")), x'');");
        }
    }
}
