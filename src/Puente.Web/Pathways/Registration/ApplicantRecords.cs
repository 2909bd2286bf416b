using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Pathways.Registration;
using Puente.Web.Accounts;

using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Registration;

/// <summary>An applicant's registration; <see cref="RegisteredOn"/> starts their waiting time and never changes.</summary>
internal sealed class ApplicantRecord
{
    public required string UserId { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public List<TravellerRecord> Travellers { get; set; } = [];
}

/// <summary>A person who travels: the applicant or a companion.</summary>
internal sealed class TravellerRecord
{
    public Guid Id { get; set; }
    public required string ApplicantUserId { get; set; }
    public bool IsApplicant { get; set; }
    public required string GivenNames { get; set; }
    public required string FamilyNames { get; set; }
    public DateOnly BirthDate { get; set; }
    public required string Nationality { get; set; }

    /// <summary>Null for a minor travelling on a parent's registration.</summary>
    public DocumentType? DocumentType { get; set; }
    public string? DocumentCountry { get; set; }

    /// <summary>Normalized (<see cref="TravelDocument.NormalizeNumber"/>).</summary>
    public string? DocumentNumber { get; set; }
    public string? NoDocumentReason { get; set; }

    /// <summary>Names and birth date (<see cref="PersonIdentity.NamesKey"/>): entries sharing it are flagged, never refused.</summary>
    public required string NamesKey { get; set; }

    /// <summary>The document, or this record alone (<see cref="PersonIdentity.EntryKey"/>): one entry per date per key.</summary>
    public required string EntryKey { get; set; }
}

internal sealed class ApplicantRecordConfiguration : IEntityTypeConfiguration<ApplicantRecord>
{
    public void Configure(EntityTypeBuilder<ApplicantRecord> applicant)
    {
        applicant.ToTable("applicants");
        applicant.HasKey(a => a.UserId);
        applicant.HasOne<PuenteUser>().WithOne().HasForeignKey<ApplicantRecord>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        applicant.HasMany(a => a.Travellers).WithOne().HasForeignKey(t => t.ApplicantUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TravellerRecordConfiguration : IEntityTypeConfiguration<TravellerRecord>
{
    public void Configure(EntityTypeBuilder<TravellerRecord> traveller)
    {
        traveller.ToTable("travellers");
        traveller.HasKey(t => t.Id);
        traveller.Property(t => t.GivenNames).HasMaxLength(RegisterApplicant.MaxNameLength);
        traveller.Property(t => t.FamilyNames).HasMaxLength(RegisterApplicant.MaxNameLength);
        traveller.Property(t => t.Nationality).HasMaxLength(3);
        traveller.Property(t => t.DocumentType).HasConversion<string>().HasMaxLength(20);
        traveller.Property(t => t.DocumentCountry).HasMaxLength(3);
        traveller.Property(t => t.DocumentNumber).HasMaxLength(TravelDocument.MaxNumberLength);
        traveller.Property(t => t.NoDocumentReason).HasMaxLength(TravelDocument.MaxReasonLength);
        traveller.Property(t => t.NamesKey).HasMaxLength(500);
        traveller.Property(t => t.EntryKey).HasMaxLength(100);
        traveller.HasIndex(t => t.NamesKey);
        traveller.HasIndex(t => t.EntryKey);
    }
}
