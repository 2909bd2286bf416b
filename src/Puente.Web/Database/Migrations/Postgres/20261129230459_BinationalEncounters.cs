using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BinationalEncounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cbp_encounter_counts",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Component = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Demographic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Citizenship = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Authority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EncounterType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cbp_encounter_counts", x => new { x.Month, x.Component, x.Demographic, x.Citizenship, x.Authority, x.EncounterType, x.Count });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cbp_encounter_counts");
        }
    }
}
