using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortsBtsSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bts_conflicts",
                columns: table => new
                {
                    PortCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false),
                    Demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bts_conflicts", x => new { x.PortCode, x.Measure, x.Month, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "bts_series",
                columns: table => new
                {
                    PortCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Values = table.Column<List<long?>>(type: "bigint[]", nullable: false),
                    Demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bts_series", x => new { x.PortCode, x.Measure });
                });

            // The counts already stored move to the new shape (docs/decisions/0021-bts-counts-stored-as-series.md):
            // every value of a month with several goes to bts_conflicts, each port and measure becomes one series.
            migrationBuilder.Sql(@"
INSERT INTO bts_conflicts (""PortCode"", ""Measure"", ""Month"", ""Value"", ""Demo"")
SELECT c.""PortCode"", c.""Measure"", c.""Month"", c.""Value"", c.""Demo"" FROM bts_monthly_counts c
WHERE (c.""PortCode"", c.""Measure"", c.""Month"") IN
    (SELECT ""PortCode"", ""Measure"", ""Month"" FROM bts_monthly_counts GROUP BY ""PortCode"", ""Measure"", ""Month"" HAVING count(*) > 1);
INSERT INTO bts_series (""PortCode"", ""Measure"", ""FirstMonth"", ""Values"", ""Demo"")
SELECT k.""PortCode"", k.""Measure"", k.first,
    ARRAY(SELECT (SELECT min(c.""Value"") FROM bts_monthly_counts c
                  WHERE c.""PortCode"" = k.""PortCode"" AND c.""Measure"" = k.""Measure"" AND c.""Month"" = m::date HAVING count(*) = 1)
          FROM generate_series(k.first::timestamp, k.last::timestamp, interval '1 month') AS m ORDER BY m),
    k.demo
FROM (SELECT ""PortCode"", ""Measure"", min(""Month"") AS first, max(""Month"") AS last, bool_or(""Demo"") AS demo
      FROM bts_monthly_counts GROUP BY ""PortCode"", ""Measure"") k;");

            migrationBuilder.DropTable(
                name: "bts_monthly_counts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bts_conflicts");

            migrationBuilder.DropTable(
                name: "bts_series");

            migrationBuilder.CreateTable(
                name: "bts_monthly_counts",
                columns: table => new
                {
                    PortCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false),
                    Demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bts_monthly_counts", x => new { x.PortCode, x.Measure, x.Month, x.Value });
                });
        }
    }
}
