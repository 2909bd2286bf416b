using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;

namespace Puente.Web.Ports.Status;

/// <summary>
/// A lane's current status. A lane without a row has been open since the registry listed it. Changed only
/// by <see cref="ChangeLaneStatus"/>, conditionally on <see cref="Version"/>, so two officers never overwrite each other.
/// </summary>
internal sealed class LaneStatusRecord
{
    public required string CrossingNumber { get; set; }
    public LaneType Lane { get; set; }
    public LaneStatus Status { get; set; }
    public LaneReason? Reason { get; set; }

    /// <summary>When the current status took effect.</summary>
    public DateTimeOffset Since { get; set; }

    /// <summary>When the lane is expected to open again (restricted or closed), if anyone knows.</summary>
    public DateTimeOffset? ExpectedReopening { get; set; }

    public int Version { get; set; }
}

/// <summary>One change of a lane's status: who, when, before and after. Append-only: the full history.</summary>
internal sealed class LaneStatusChangeRecord
{
    public Guid Id { get; set; }
    public required string CrossingNumber { get; set; }
    public LaneType Lane { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public LaneStatus FromStatus { get; set; }
    public LaneReason? FromReason { get; set; }
    public DateTimeOffset? FromSince { get; set; }
    public DateTimeOffset? FromExpectedReopening { get; set; }
    public LaneStatus ToStatus { get; set; }
    public LaneReason? ToReason { get; set; }
    public DateTimeOffset ToSince { get; set; }
    public DateTimeOffset? ToExpectedReopening { get; set; }

    /// <summary>The closure that made this change, when one did.</summary>
    public Guid? ClosureId { get; set; }
}

internal sealed class LaneStatusRecordConfiguration : IEntityTypeConfiguration<LaneStatusRecord>
{
    public void Configure(EntityTypeBuilder<LaneStatusRecord> lane)
    {
        lane.ToTable("lane_statuses");
        lane.HasKey(l => new { l.CrossingNumber, l.Lane });
        lane.Property(l => l.CrossingNumber).HasMaxLength(6);
        lane.Property(l => l.Lane).HasConversion<string>().HasMaxLength(20);
        lane.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        lane.Property(l => l.Reason).HasConversion<string>().HasMaxLength(20);
        lane.HasOne<CrossingLaneRecord>().WithMany().HasForeignKey(l => new { l.CrossingNumber, l.Lane });
    }
}

internal sealed class LaneStatusChangeRecordConfiguration : IEntityTypeConfiguration<LaneStatusChangeRecord>
{
    public void Configure(EntityTypeBuilder<LaneStatusChangeRecord> change)
    {
        change.ToTable("lane_status_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.CrossingNumber).HasMaxLength(6);
        change.Property(c => c.Lane).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.ChangedBy).HasMaxLength(450);
        change.Property(c => c.FromStatus).HasConversion<string>().HasMaxLength(16);
        change.Property(c => c.FromReason).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.ToStatus).HasConversion<string>().HasMaxLength(16);
        change.Property(c => c.ToReason).HasConversion<string>().HasMaxLength(20);
        change.HasIndex(c => new { c.CrossingNumber, c.Lane, c.ChangedAt });
        change.HasOne<CrossingLaneRecord>().WithMany().HasForeignKey(c => new { c.CrossingNumber, c.Lane });
    }
}
