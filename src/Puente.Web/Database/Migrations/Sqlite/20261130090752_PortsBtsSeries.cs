using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Sqlite
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
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    Demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bts_conflicts", x => new { x.PortCode, x.Measure, x.Month, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "bts_series",
                columns: table => new
                {
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Values = table.Column<string>(type: "TEXT", nullable: false),
                    Demo = table.Column<bool>(type: "INTEGER", nullable: false)
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
WITH RECURSIVE
    k AS (SELECT ""PortCode"" AS port, ""Measure"" AS measure, min(""Month"") AS first, max(""Month"") AS last, max(""Demo"") AS demo
          FROM bts_monthly_counts GROUP BY ""PortCode"", ""Measure""),
    months AS (SELECT port, measure, first AS month FROM k
               UNION ALL
               SELECT months.port, months.measure, date(months.month, '+1 month') FROM months
               JOIN k ON k.port = months.port AND k.measure = months.measure WHERE months.month < k.last)
INSERT INTO bts_series (""PortCode"", ""Measure"", ""FirstMonth"", ""Values"", ""Demo"")
SELECT k.port, k.measure, k.first,
    (SELECT json_group_array(value) FROM
        (SELECT (SELECT CASE WHEN count(*) = 1 THEN min(c.""Value"") END FROM bts_monthly_counts c
                 WHERE c.""PortCode"" = months.port AND c.""Measure"" = months.measure AND c.""Month"" = months.month) AS value
         FROM months WHERE months.port = k.port AND months.measure = k.measure ORDER BY months.month)),
    k.demo
FROM k;");

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
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    Demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bts_monthly_counts", x => new { x.PortCode, x.Measure, x.Month, x.Value });
                });
        }
    }
}
