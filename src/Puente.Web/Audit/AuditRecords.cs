using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Web.Audit;

/// <summary>One row of the append-only audit log; written only by <see cref="AuditLog"/>, refused UPDATE and DELETE by the database.</summary>
internal sealed class AuditEntryRecord
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The chain's head: one row, moved forward by a conditional update so two appends can never take the same place.</summary>
internal sealed class AuditHeadRecord
{
    public const int TheOnlyId = 1;

    public int Id { get; set; } = TheOnlyId;
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The head as published at the end of a day: an outside copy an edited past can be checked against.</summary>
internal sealed class AuditCheckpointRecord
{
    public DateOnly Day { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

internal sealed class AuditEntryRecordConfiguration : IEntityTypeConfiguration<AuditEntryRecord>
{
    public void Configure(EntityTypeBuilder<AuditEntryRecord> entry)
    {
        entry.ToTable("audit_log");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.EntityType).HasMaxLength(64);
        entry.Property(e => e.EntityId).HasMaxLength(128);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}

internal sealed class AuditHeadRecordConfiguration : IEntityTypeConfiguration<AuditHeadRecord>
{
    public void Configure(EntityTypeBuilder<AuditHeadRecord> head)
    {
        head.ToTable("audit_head");
        head.HasKey(h => h.Id);
        head.Property(h => h.Id).ValueGeneratedNever();
        head.Property(h => h.Hash).HasMaxLength(64);
        head.HasData(new AuditHeadRecord { Id = AuditHeadRecord.TheOnlyId, Sequence = 0, Hash = Domain.Audit.AuditChain.Genesis });
    }
}

internal sealed class AuditCheckpointRecordConfiguration : IEntityTypeConfiguration<AuditCheckpointRecord>
{
    public void Configure(EntityTypeBuilder<AuditCheckpointRecord> checkpoint)
    {
        checkpoint.ToTable("audit_checkpoints");
        checkpoint.HasKey(c => c.Day);
        checkpoint.Property(c => c.Hash).HasMaxLength(64);
    }
}
