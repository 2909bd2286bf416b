using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Protection.Cases;

namespace Puente.Web.Protection.Cases;

/// <summary>
/// A protection case. What lists may show (number, category, urgency, status, initials) is in the
/// clear; the person and the narrative are one sealed value (<see cref="Privacy.CaseSeal"/>).
/// </summary>
internal sealed class ProtectionCaseRecord
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public required string ConsulateCode { get; set; }

    /// <summary>Where jurisdiction sent it at intake; differs from <see cref="ConsulateCode"/> after an override or a transfer.</summary>
    public string? RoutedConsulateCode { get; set; }

    public CaseCategory Category { get; set; }
    public required string Subtype { get; set; }
    public CaseUrgency Urgency { get; set; }
    public CaseStatus Status { get; set; }
    public string? AssignedToUserId { get; set; }
    public required string StateCode { get; set; }
    public string? CountyFips { get; set; }
    public required string Initials { get; set; }

    /// <summary>The person (names, birth date, contacts, facility) and the narrative, sealed together.</summary>
    public required string Sealed { get; set; }

    public bool Consent { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedByUserId { get; set; }
    public DateTimeOffset FirstContactDueAt { get; set; }
    public DateTimeOffset? FirstContactAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The concurrency token every update carries; a stale one is refused, never overwritten.</summary>
    public int Version { get; set; } = 1;

    public List<CaseNameTermRecord> NameTerms { get; set; } = [];
}

/// <summary>One blind-index term of a case's names: a keyed hash of a folded name prefix.</summary>
internal sealed class CaseNameTermRecord
{
    public Guid CaseId { get; set; }
    public required string Term { get; set; }
}

internal sealed class CaseNoteRecord
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string AuthorUserId { get; set; }

    /// <summary>The note's text, sealed like the case's personal fields.</summary>
    public required string Sealed { get; set; }
}

internal sealed class ProtectionCaseRecordConfiguration : IEntityTypeConfiguration<ProtectionCaseRecord>
{
    public void Configure(EntityTypeBuilder<ProtectionCaseRecord> record)
    {
        record.ToTable("protection_cases");
        record.HasKey(c => c.Id);
        record.HasIndex(c => c.Number).IsUnique();
        record.HasIndex(c => new { c.ConsulateCode, c.Status });
        record.HasIndex(c => c.AssignedToUserId);
        record.Property(c => c.Number).HasMaxLength(16);
        record.Property(c => c.ConsulateCode).HasMaxLength(32);
        record.Property(c => c.RoutedConsulateCode).HasMaxLength(32);
        record.Property(c => c.Category).HasConversion<string>().HasMaxLength(16);
        record.Property(c => c.Subtype).HasMaxLength(32);
        record.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(16);
        record.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        record.Property(c => c.StateCode).HasMaxLength(2);
        record.Property(c => c.CountyFips).HasMaxLength(5);
        record.Property(c => c.Initials).HasMaxLength(64);
        record.Property(c => c.Version).IsConcurrencyToken();
        record.HasOne<Accounts.PuenteUser>().WithMany().HasForeignKey(c => c.AssignedToUserId).OnDelete(DeleteBehavior.Restrict);
        record.HasMany(c => c.NameTerms).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseNameTermRecordConfiguration : IEntityTypeConfiguration<CaseNameTermRecord>
{
    public void Configure(EntityTypeBuilder<CaseNameTermRecord> term)
    {
        term.ToTable("protection_case_name_terms");
        term.HasKey(t => new { t.CaseId, t.Term });
        term.Property(t => t.Term).HasMaxLength(32);
        term.HasIndex(t => t.Term);
    }
}

internal sealed class CaseNoteRecordConfiguration : IEntityTypeConfiguration<CaseNoteRecord>
{
    public void Configure(EntityTypeBuilder<CaseNoteRecord> note)
    {
        note.ToTable("protection_case_notes");
        note.HasKey(n => n.Id);
        note.HasIndex(n => n.CaseId);
        note.HasOne<ProtectionCaseRecord>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        note.Property(n => n.AuthorUserId).HasMaxLength(450);
    }
}
