using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Pathways.Requests;

using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Pathways.Requests;

/// <summary>One applicant's request for one service date: the group and up to three ports.</summary>
internal sealed class AppointmentRequestRecord
{
    public Guid Id { get; set; }
    public DateOnly ServiceDate { get; set; }
    public required string ApplicantUserId { get; set; }

    /// <summary>Equal to <see cref="ApplicantUserId"/> while the request stands, null once withdrawn:
    /// a unique index on it allows one standing request per applicant and date without a race.</summary>
    public string? StandingApplicantUserId { get; set; }

    public required string Ticket { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public int Size { get; set; }

    /// <summary>Port codes in order of preference, comma-separated (as in the draw's entry line).</summary>
    public required string Ports { get; set; }

    public RequestStatus Status { get; set; }
    public bool ReenterUntilSelected { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? IdempotencyKey { get; set; }
    public List<RequestTravellerRecord> Travellers { get; set; } = [];

    /// <summary>A new request entered in a date's draw, standing for its applicant, with a fresh random ticket.</summary>
    public static AppointmentRequestRecord Enter(
        string applicantUserId, DateOnly serviceDate, DateOnly registeredOn, string ports,
        IReadOnlyList<EnteredTraveller> travellers, bool reenterUntilSelected, DateTimeOffset now, string? idempotencyKey = null)
    {
        var id = Guid.NewGuid();
        return new AppointmentRequestRecord
        {
            Id = id,
            ServiceDate = serviceDate,
            ApplicantUserId = applicantUserId,
            StandingApplicantUserId = applicantUserId,
            Ticket = TicketCode.New(),
            RegisteredOn = registeredOn,
            Size = travellers.Count,
            Ports = ports,
            Status = RequestStatus.Entered,
            ReenterUntilSelected = reenterUntilSelected,
            SubmittedAt = now,
            IdempotencyKey = idempotencyKey,
            Travellers = travellers.Select(t => new RequestTravellerRecord
            {
                RequestId = id, TravellerId = t.TravellerId, ServiceDate = serviceDate, EntryKey = t.EntryKey, NamesKey = t.NamesKey,
            }).ToList(),
        };
    }
}

/// <summary>A traveller as entered in a request, with the keys copied from their registration.</summary>
internal sealed record EnteredTraveller(Guid TravellerId, string EntryKey, string NamesKey);

/// <summary>A traveller in a standing request; the unique (date, entry key) index stops the same
/// document from being entered twice for one date. <see cref="NamesKey"/> only flags look-alikes for the port.</summary>
internal sealed class RequestTravellerRecord
{
    public Guid RequestId { get; set; }
    public Guid TravellerId { get; set; }
    public DateOnly ServiceDate { get; set; }
    public required string EntryKey { get; set; }
    public required string NamesKey { get; set; }
}

/// <summary>A request refused because a traveller's document was already entered for the date by
/// another account: kept for review, never shown to the applicant.</summary>
internal sealed class EntryCollisionRecord
{
    public Guid Id { get; set; }
    public DateOnly ServiceDate { get; set; }
    public required string EntryKey { get; set; }
    public required string RefusedApplicantUserId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}

internal sealed class EntryCollisionRecordConfiguration : IEntityTypeConfiguration<EntryCollisionRecord>
{
    public void Configure(EntityTypeBuilder<EntryCollisionRecord> collision)
    {
        collision.ToTable("entry_collisions");
        collision.HasKey(c => c.Id);
        collision.Property(c => c.EntryKey).HasMaxLength(100);
        collision.Property(c => c.RefusedApplicantUserId).HasMaxLength(450);
        collision.HasIndex(c => new { c.ServiceDate, c.EntryKey });
    }
}

internal sealed class AppointmentRequestRecordConfiguration : IEntityTypeConfiguration<AppointmentRequestRecord>
{
    public void Configure(EntityTypeBuilder<AppointmentRequestRecord> request)
    {
        request.ToTable("appointment_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Ticket).HasMaxLength(64);
        request.Property(r => r.Ports).HasMaxLength(20);
        request.Property(r => r.IdempotencyKey).HasMaxLength(SubmitRequest.MaxIdempotencyKeyLength);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        request.HasIndex(r => new { r.ServiceDate, r.Ticket }).IsUnique();
        request.HasIndex(r => new { r.ServiceDate, r.StandingApplicantUserId }).IsUnique();
        request.HasIndex(r => new { r.ApplicantUserId, r.IdempotencyKey }).IsUnique();
        request.HasMany(r => r.Travellers).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne<ApplicantRecord>().WithMany().HasForeignKey(r => r.ApplicantUserId);
    }
}

internal sealed class RequestTravellerRecordConfiguration : IEntityTypeConfiguration<RequestTravellerRecord>
{
    public void Configure(EntityTypeBuilder<RequestTravellerRecord> traveller)
    {
        traveller.ToTable("request_travellers");
        traveller.HasKey(t => new { t.RequestId, t.TravellerId });
        traveller.Property(t => t.EntryKey).HasMaxLength(100);
        traveller.Property(t => t.NamesKey).HasMaxLength(500);
        traveller.HasIndex(t => new { t.ServiceDate, t.EntryKey }).IsUnique();
        traveller.HasIndex(t => new { t.ServiceDate, t.NamesKey });
        traveller.HasOne<TravellerRecord>().WithMany().HasForeignKey(t => t.TravellerId).OnDelete(DeleteBehavior.Restrict);
    }
}
