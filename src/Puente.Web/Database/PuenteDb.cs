using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Puente.Web.Accounts;
using Puente.Web.Audit;
using Puente.Web.Binational.Encounters;
using Puente.Web.Binational.Scenarios;
using Puente.Web.Messaging;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.CheckIns;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Passes;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;
using Puente.Web.Ports;
using Puente.Web.Ports.Flows;
using Puente.Web.Ports.WaitTimes;
using Puente.Web.Ports.Closures;
using Puente.Web.Ports.Status;
using Puente.Web.Protection.Cases;

namespace Puente.Web.Database;

/// <summary>
/// The one database of Puente. Each provider has its own subclass so that each keeps its own
/// migration set (see docs/decisions/0002-one-migration-set-per-provider.md).
/// </summary>
internal abstract class PuenteDb(DbContextOptions options) : IdentityDbContext<PuenteUser>(options), IDataProtectionKeyContext
{
    /// <summary>Shared Data Protection keys, so every instance can read cookies and tokens the others issued.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<PortRecord> Ports => Set<PortRecord>();
    public DbSet<CrossingRecord> Crossings => Set<CrossingRecord>();
    public DbSet<CrossingLaneRecord> CrossingLanes => Set<CrossingLaneRecord>();
    public DbSet<OfficerPort> OfficerPorts => Set<OfficerPort>();
    public DbSet<ApplicantRecord> Applicants => Set<ApplicantRecord>();
    public DbSet<TravellerRecord> Travellers => Set<TravellerRecord>();
    public DbSet<ContactVerificationRecord> ContactVerifications => Set<ContactVerificationRecord>();
    public DbSet<TravellerPhotoRecord> TravellerPhotos => Set<TravellerPhotoRecord>();
    public DbSet<AppointmentRequestRecord> Requests => Set<AppointmentRequestRecord>();
    public DbSet<RequestTravellerRecord> RequestTravellers => Set<RequestTravellerRecord>();
    public DbSet<EntryCollisionRecord> EntryCollisions => Set<EntryCollisionRecord>();
    public DbSet<DrawDayRecord> DrawDays => Set<DrawDayRecord>();
    public DbSet<SlotOverrideRecord> SlotOverrides => Set<SlotOverrideRecord>();
    public DbSet<AppointmentRecord> Appointments => Set<AppointmentRecord>();
    public DbSet<PassRecord> Passes => Set<PassRecord>();
    public DbSet<TravellerCheckInRecord> TravellerCheckIns => Set<TravellerCheckInRecord>();
    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();
    public DbSet<OutboxMessageRecord> Outbox => Set<OutboxMessageRecord>();
    public DbSet<BtsSeriesRecord> BtsSeries => Set<BtsSeriesRecord>();
    public DbSet<BtsConflictRecord> BtsConflicts => Set<BtsConflictRecord>();
    public DbSet<WaitPollRecord> WaitPolls => Set<WaitPollRecord>();
    public DbSet<WaitObservationRecord> WaitObservations => Set<WaitObservationRecord>();
    public DbSet<LaneStatusRecord> LaneStatuses => Set<LaneStatusRecord>();
    public DbSet<LaneStatusChangeRecord> LaneStatusChanges => Set<LaneStatusChangeRecord>();
    public DbSet<ClosureRecord> Closures => Set<ClosureRecord>();
    public DbSet<AppointmentMoveRecord> AppointmentMoves => Set<AppointmentMoveRecord>();
    public DbSet<AuditEntryRecord> AuditEntries => Set<AuditEntryRecord>();
    public DbSet<AuditHeadRecord> AuditHead => Set<AuditHeadRecord>();
    public DbSet<AuditCheckpointRecord> AuditCheckpoints => Set<AuditCheckpointRecord>();
    public DbSet<ProtectionCaseRecord> ProtectionCases => Set<ProtectionCaseRecord>();
    public DbSet<CaseNameTermRecord> CaseNameTerms => Set<CaseNameTermRecord>();
    public DbSet<CaseNoteRecord> CaseNotes => Set<CaseNoteRecord>();
    public DbSet<EncounterCountRecord> EncounterCounts => Set<EncounterCountRecord>();
    public DbSet<ScenarioRecord> Scenarios => Set<ScenarioRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PuenteDb).Assembly);
    }
}

internal sealed class SqlitePuenteDb(DbContextOptions<SqlitePuenteDb> options) : PuenteDb(options)
{
    // SQLite has no instant type and cannot compare DateTimeOffset text; stored as sortable integers
    // (every instant Puente stores is UTC), windows and deadlines can be queried in SQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

internal sealed class PostgresPuenteDb(DbContextOptions<PostgresPuenteDb> options) : PuenteDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // A draw decides every entered request of its date in one UPDATE. With pages kept half empty, each new
        // row version fits beside the old one (a HOT update) and no index is touched: 100,000 decisions take
        // a seventh of the time. See docs/decisions/0022-a-big-draw-day-in-one-pass.md.
        builder.Entity<AppointmentRequestRecord>().HasStorageParameter("fillfactor", 50);
    }
}
