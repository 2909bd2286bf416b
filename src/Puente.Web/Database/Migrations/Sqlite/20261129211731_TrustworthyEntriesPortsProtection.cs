using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Web.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrustworthyEntriesPortsProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_request_travellers_ServiceDate_IdentityKey",
                table: "request_travellers");

            migrationBuilder.DropIndex(
                name: "IX_passes_AppointmentId",
                table: "passes");

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
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentNumber",
                table: "travellers",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentType",
                table: "travellers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntryKey",
                table: "travellers",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NoDocumentReason",
                table: "travellers",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntryKey",
                table: "request_travellers",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AppointmentCrossing",
                table: "ports",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppointmentLane",
                table: "ports",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RevokedAt",
                table: "passes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeaconReason",
                table: "draw_days",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BeaconRoundAt",
                table: "draw_days",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeaconStatus",
                table: "draw_days",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_checkpoints",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_checkpoints", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "audit_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "bts_monthly_counts",
                columns: table => new
                {
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bts_monthly_counts", x => new { x.PortCode, x.Measure, x.Month, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CrossingNumber = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReopenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReopenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_closures_crossing_lanes_CrossingNumber_Lane",
                        columns: x => new { x.CrossingNumber, x.Lane },
                        principalTable: "crossing_lanes",
                        principalColumns: new[] { "CrossingNumber", "Type" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_closures_ports_PortCode",
                        column: x => x.PortCode,
                        principalTable: "ports",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contact_verifications",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Sends = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountCreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EntryKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RefusedApplicantUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entry_collisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lane_status_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrossingNumber = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FromSince = table.Column<long>(type: "INTEGER", nullable: true),
                    FromExpectedReopening = table.Column<long>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ToReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToSince = table.Column<long>(type: "INTEGER", nullable: false),
                    ToExpectedReopening = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosureId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lane_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lane_status_changes_crossing_lanes_CrossingNumber_Lane",
                        columns: x => new { x.CrossingNumber, x.Lane },
                        principalTable: "crossing_lanes",
                        principalColumns: new[] { "CrossingNumber", "Type" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lane_statuses",
                columns: table => new
                {
                    CrossingNumber = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Since = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpectedReopening = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lane_statuses", x => new { x.CrossingNumber, x.Lane });
                    table.ForeignKey(
                        name: "FK_lane_statuses_crossing_lanes_CrossingNumber_Lane",
                        columns: x => new { x.CrossingNumber, x.Lane },
                        principalTable: "crossing_lanes",
                        principalColumns: new[] { "CrossingNumber", "Type" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protection_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConsulateCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RoutedConsulateCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Subtype = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssignedToUserId = table.Column<string>(type: "TEXT", nullable: true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CountyFips = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Initials = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sealed = table.Column<string>(type: "TEXT", nullable: false),
                    Consent = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    FirstContactDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstContactAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protection_cases_AspNetUsers_AssignedToUserId",
                        column: x => x.AssignedToUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "traveller_checkins",
                columns: table => new
                {
                    ServiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdentityKey = table.Column<string>(type: "TEXT", maxLength: 510, nullable: false),
                    TravellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OfficerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traveller_checkins", x => new { x.ServiceDate, x.IdentityKey });
                });

            migrationBuilder.CreateTable(
                name: "traveller_photos",
                columns: table => new
                {
                    TravellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Protected = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traveller_photos", x => x.TravellerId);
                    table.ForeignKey(
                        name: "FK_traveller_photos_travellers_TravellerId",
                        column: x => x.TravellerId,
                        principalTable: "travellers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wait_polls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CollectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    MexicanCrossings = table.Column<int>(type: "INTEGER", nullable: false),
                    CanadianSkipped = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownPortNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    Problems = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wait_polls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "appointment_moves",
                columns: table => new
                {
                    ClosureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    FromPort = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromSlot = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    ToPort = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ToSlot = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appointment_moves", x => new { x.ClosureId, x.AppointmentId });
                    table.ForeignKey(
                        name: "FK_appointment_moves_appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_appointment_moves_closures_ClosureId",
                        column: x => x.ClosureId,
                        principalTable: "closures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protection_case_name_terms",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_case_name_terms", x => new { x.CaseId, x.Term });
                    table.ForeignKey(
                        name: "FK_protection_case_name_terms_protection_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "protection_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protection_case_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Sealed = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_case_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protection_case_notes_protection_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "protection_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wait_observations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CrossingNumber = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    PortCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    PortStatus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OperationalStatus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdateTimeText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DelayText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LanesOpenText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MaximumLanesText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DelayMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    LanesOpen = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CollectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Freshness = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wait_observations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wait_observations_wait_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "wait_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "audit_head",
                columns: new[] { "Id", "Hash", "Sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            // Travellers registered before documents existed are entered on their own record; the
            // accounts that already held their contact as user name keep it, as verified.
            migrationBuilder.Sql("UPDATE travellers SET EntryKey = 'T|' || lower(replace(Id, '-', ''));");
            migrationBuilder.Sql("UPDATE request_travellers SET EntryKey = (SELECT t.EntryKey FROM travellers t WHERE t.Id = request_travellers.TravellerId);");
            migrationBuilder.Sql("UPDATE AspNetUsers SET EmailConfirmed = 1 WHERE Email IS NOT NULL;");
            migrationBuilder.Sql("UPDATE AspNetUsers SET PhoneNumberConfirmed = 1 WHERE Email IS NULL AND PhoneNumber IS NOT NULL;");

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
                name: "IX_passes_AppointmentId",
                table: "passes",
                column: "AppointmentId",
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_appointment_moves_AppointmentId",
                table: "appointment_moves",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_EntityType_EntityId",
                table: "audit_log",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_closures_CrossingNumber_Lane_FirstDate_LastDate",
                table: "closures",
                columns: new[] { "CrossingNumber", "Lane", "FirstDate", "LastDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_closures_PortCode_FirstDate",
                table: "closures",
                columns: new[] { "PortCode", "FirstDate" });

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

            migrationBuilder.CreateIndex(
                name: "IX_lane_status_changes_CrossingNumber_Lane_ChangedAt",
                table: "lane_status_changes",
                columns: new[] { "CrossingNumber", "Lane", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_protection_case_name_terms_Term",
                table: "protection_case_name_terms",
                column: "Term");

            migrationBuilder.CreateIndex(
                name: "IX_protection_case_notes_CaseId",
                table: "protection_case_notes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_protection_cases_AssignedToUserId",
                table: "protection_cases",
                column: "AssignedToUserId");

            migrationBuilder.CreateIndex(
                name: "IX_protection_cases_ConsulateCode_Status",
                table: "protection_cases",
                columns: new[] { "ConsulateCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_protection_cases_Number",
                table: "protection_cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_traveller_checkins_AppointmentId",
                table: "traveller_checkins",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_wait_observations_PollId",
                table: "wait_observations",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_wait_observations_PortCode_CollectedAt",
                table: "wait_observations",
                columns: new[] { "PortCode", "CollectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wait_polls_CollectedAt",
                table: "wait_polls",
                column: "CollectedAt");

            // The database refuses UPDATE and DELETE on audit rows.
            migrationBuilder.Sql(Puente.Web.Audit.AuditTriggers.SqliteCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Puente.Web.Audit.AuditTriggers.SqliteDrop);

            migrationBuilder.DropTable(
                name: "appointment_moves");

            migrationBuilder.DropTable(
                name: "audit_checkpoints");

            migrationBuilder.DropTable(
                name: "audit_head");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "bts_monthly_counts");

            migrationBuilder.DropTable(
                name: "contact_verifications");

            migrationBuilder.DropTable(
                name: "entry_collisions");

            migrationBuilder.DropTable(
                name: "lane_status_changes");

            migrationBuilder.DropTable(
                name: "lane_statuses");

            migrationBuilder.DropTable(
                name: "protection_case_name_terms");

            migrationBuilder.DropTable(
                name: "protection_case_notes");

            migrationBuilder.DropTable(
                name: "traveller_checkins");

            migrationBuilder.DropTable(
                name: "traveller_photos");

            migrationBuilder.DropTable(
                name: "wait_observations");

            migrationBuilder.DropTable(
                name: "closures");

            migrationBuilder.DropTable(
                name: "protection_cases");

            migrationBuilder.DropTable(
                name: "wait_polls");

            migrationBuilder.DropIndex(
                name: "IX_travellers_EntryKey",
                table: "travellers");

            migrationBuilder.DropIndex(
                name: "IX_request_travellers_ServiceDate_EntryKey",
                table: "request_travellers");

            migrationBuilder.DropIndex(
                name: "IX_request_travellers_ServiceDate_NamesKey",
                table: "request_travellers");

            migrationBuilder.DropIndex(
                name: "IX_passes_AppointmentId",
                table: "passes");

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

            migrationBuilder.DropColumn(
                name: "AppointmentCrossing",
                table: "ports");

            migrationBuilder.DropColumn(
                name: "AppointmentLane",
                table: "ports");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "passes");

            migrationBuilder.DropColumn(
                name: "BeaconReason",
                table: "draw_days");

            migrationBuilder.DropColumn(
                name: "BeaconRoundAt",
                table: "draw_days");

            migrationBuilder.DropColumn(
                name: "BeaconStatus",
                table: "draw_days");

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

            migrationBuilder.CreateIndex(
                name: "IX_passes_AppointmentId",
                table: "passes",
                column: "AppointmentId",
                unique: true);
        }
    }
}
