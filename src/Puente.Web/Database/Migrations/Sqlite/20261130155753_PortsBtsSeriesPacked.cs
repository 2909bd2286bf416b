using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortsBtsSeriesPacked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each stored series is converted from its JSON array, month by month in order: eight bytes big-endian,
            // -1 for no value (ADR 0021).
            migrationBuilder.Sql(@"
ALTER TABLE bts_series ADD COLUMN ""Packed"" BLOB NOT NULL DEFAULT x'';
UPDATE bts_series SET ""Packed"" = coalesce((SELECT unhex(group_concat(printf('%016X', coalesce(value, -1)), '' ORDER BY key))
    FROM json_each(bts_series.""Values"")), x'');
ALTER TABLE bts_series DROP COLUMN ""Values"";
ALTER TABLE bts_series RENAME COLUMN ""Packed"" TO ""Values"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A month's eight bytes are read back as sixteen hex digits; the top one's shift gives the sign.
            migrationBuilder.Sql(@"
ALTER TABLE bts_series ADD COLUMN ""Listed"" TEXT NOT NULL DEFAULT '[]';
UPDATE bts_series SET ""Listed"" = (
    WITH RECURSIVE
        months(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM months WHERE i + 1 < (SELECT max(length(""Values"")) / 8 FROM bts_series)),
        digits(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM digits WHERE k < 15)
    SELECT json_group_array(CASE WHEN v = -1 THEN NULL ELSE v END ORDER BY i) FROM (
        SELECT i, (SELECT sum((instr('0123456789ABCDEF', substr(hex(substr(bts_series.""Values"", i * 8 + 1, 8)), k + 1, 1)) - 1) << (4 * (15 - k)))
            FROM digits) AS v
        FROM months WHERE (i + 1) * 8 <= length(bts_series.""Values"")));
ALTER TABLE bts_series DROP COLUMN ""Values"";
ALTER TABLE bts_series RENAME COLUMN ""Listed"" TO ""Values"";");
        }
    }
}
