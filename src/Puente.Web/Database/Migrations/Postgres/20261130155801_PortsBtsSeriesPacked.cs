using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortsBtsSeriesPacked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each stored series is converted, month by month in order: eight bytes big-endian, -1 for no value
            // (ADR 0021). Out of line and uncompressed as before.
            migrationBuilder.Sql(@"
ALTER TABLE bts_series ADD COLUMN ""Packed"" bytea;
UPDATE bts_series SET ""Packed"" = (SELECT coalesce(string_agg(int8send(coalesce(v, -1)), ''::bytea ORDER BY i), ''::bytea)
    FROM unnest(bts_series.""Values"") WITH ORDINALITY AS m(v, i));
ALTER TABLE bts_series DROP COLUMN ""Values"";
ALTER TABLE bts_series RENAME COLUMN ""Packed"" TO ""Values"";
ALTER TABLE bts_series ALTER COLUMN ""Values"" SET NOT NULL;
ALTER TABLE bts_series ALTER COLUMN ""Values"" SET STORAGE EXTERNAL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
ALTER TABLE bts_series ADD COLUMN ""Listed"" bigint[];
UPDATE bts_series SET ""Listed"" = ARRAY(
    SELECT nullif(('x' || encode(substring(""Values"" FROM i * 8 + 1 FOR 8), 'hex'))::bit(64)::bigint, -1)
    FROM generate_series(0, length(""Values"") / 8 - 1) AS i ORDER BY i);
ALTER TABLE bts_series DROP COLUMN ""Values"";
ALTER TABLE bts_series RENAME COLUMN ""Listed"" TO ""Values"";
ALTER TABLE bts_series ALTER COLUMN ""Values"" SET NOT NULL;
ALTER TABLE bts_series ALTER COLUMN ""Values"" SET STORAGE EXTERNAL;");
        }
    }
}
