using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VerifiedContactsAndDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_request_travellers_ServiceDate_IdentityKey",
                table: "request_travellers");

            migrationBuilder.RenameColumn(
                name: "IdentityKey",
                table: "travellers",
                newName: "NamesKey");

            migrationBuilder.RenameIndex(
                name: "IX_travellers_IdentityKey",
                table: "travellers",
                newName: "IX_travellers_NamesKey");

            migrationBuilder.RenameColumn(
                name: "IdentityKey",
                table: "request_travellers",
                newName: "NamesKey");

            migrationBuilder.AddColumn<string>(
                name: "DocumentCountry",
                table: "travellers",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentNumber",
                table: "travellers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentType",
                table: "travellers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntryKey",
                table: "travellers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NoDocumentReason",
                table: "travellers",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntryKey",
                table: "request_travellers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Travellers registered before documents existed are entered on their own record; the
            // accounts that already held their contact as user name keep it, as verified.
            migrationBuilder.Sql("UPDATE travellers SET \"EntryKey\" = 'T|' || replace(\"Id\"::text, '-', '');");
            migrationBuilder.Sql("UPDATE request_travellers rt SET \"EntryKey\" = t.\"EntryKey\" FROM travellers t WHERE t.\"Id\" = rt.\"TravellerId\";");
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = true WHERE \"Email\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"PhoneNumberConfirmed\" = true WHERE \"Email\" IS NULL AND \"PhoneNumber\" IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "contact_verifications",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Contact = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Sends = table.Column<int>(type: "integer", nullable: false),
                    AccountCreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_verifications", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_contact_verifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_collisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EntryKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RefusedApplicantUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entry_collisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_travellers_EntryKey",
                table: "travellers",
                column: "EntryKey");

            migrationBuilder.CreateIndex(
                name: "IX_request_travellers_ServiceDate_EntryKey",
                table: "request_travellers",
                columns: new[] { "ServiceDate", "EntryKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_request_travellers_ServiceDate_NamesKey",
                table: "request_travellers",
                columns: new[] { "ServiceDate", "NamesKey" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_verifications_AccountCreatedAt",
                table: "contact_verifications",
                column: "AccountCreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_contact_verifications_Contact",
                table: "contact_verifications",
                column: "Contact");

            migrationBuilder.CreateIndex(
                name: "IX_entry_collisions_ServiceDate_EntryKey",
                table: "entry_collisions",
                columns: new[] { "ServiceDate", "EntryKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_verifications");

            migrationBuilder.DropTable(
                name: "entry_collisions");

            migrationBuilder.DropIndex(
                name: "IX_travellers_EntryKey",
                table: "travellers");

            migrationBuilder.DropIndex(
                name: "IX_request_travellers_ServiceDate_EntryKey",
                table: "request_travellers");

            migrationBuilder.DropIndex(
                name: "IX_request_travellers_ServiceDate_NamesKey",
                table: "request_travellers");

            migrationBuilder.DropColumn(
                name: "DocumentCountry",
                table: "travellers");

            migrationBuilder.DropColumn(
                name: "DocumentNumber",
                table: "travellers");

            migrationBuilder.DropColumn(
                name: "DocumentType",
                table: "travellers");

            migrationBuilder.DropColumn(
                name: "EntryKey",
                table: "travellers");

            migrationBuilder.DropColumn(
                name: "NoDocumentReason",
                table: "travellers");

            migrationBuilder.DropColumn(
                name: "EntryKey",
                table: "request_travellers");

            migrationBuilder.RenameColumn(
                name: "NamesKey",
                table: "travellers",
                newName: "IdentityKey");

            migrationBuilder.RenameIndex(
                name: "IX_travellers_NamesKey",
                table: "travellers",
                newName: "IX_travellers_IdentityKey");

            migrationBuilder.RenameColumn(
                name: "NamesKey",
                table: "request_travellers",
                newName: "IdentityKey");

            migrationBuilder.CreateIndex(
                name: "IX_request_travellers_ServiceDate_IdentityKey",
                table: "request_travellers",
                columns: new[] { "ServiceDate", "IdentityKey" },
                unique: true);
        }
    }
}
