using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;

namespace Puente.Web.Ports.Closures;

/// <summary>
/// A crossing's lane closed over a range of the port's dates. The same lane and range closes once: a
/// second request finds this row (unique index) and only runs the rebooking again, which then moves nobody.
/// </summary>
internal sealed class ClosureRecord
{
    public Guid Id { get; set; }
    public required string PortCode { get; set; }
    public required string CrossingNumber { get; set; }
    public LaneType Lane { get; set; }

    /// <summary>First closed date, in the port's calendar.</summary>
    public DateOnly FirstDate { get; set; }

    /// <summary>Last closed date, inclusive.</summary>
    public DateOnly LastDate { get; set; }

    public LaneReason Reason { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The date the lane opened again before <see cref="LastDate"/>: closed dates end the day before.</summary>
    public DateOnly? ReopenedOn { get; set; }

    public DateTimeOffset? ReopenedAt { get; set; }
    public string? ReopenedBy { get; set; }

    /// <summary>
    /// When the lane was marked closed for this closure: at once for a closure under way, by
    /// <see cref="ApplyPlannedClosures"/> when a planned one's first date comes. Claimed with a conditional update.
    /// </summary>
    public DateTimeOffset? LaneClosedAt { get; set; }

    /// <summary>When the lane was marked open again after the closure (or the closure was reopened by hand); claimed like <see cref="LaneClosedAt"/>.</summary>
    public DateTimeOffset? LaneOpenedAt { get; set; }
}

internal sealed class ClosureRecordConfiguration : IEntityTypeConfiguration<ClosureRecord>
{
    public void Configure(EntityTypeBuilder<ClosureRecord> closure)
    {
        closure.ToTable("closures");
        closure.HasKey(c => c.Id);
        closure.Property(c => c.PortCode).HasMaxLength(4);
        closure.Property(c => c.CrossingNumber).HasMaxLength(6);
        closure.Property(c => c.Lane).HasConversion<string>().HasMaxLength(20);
        closure.Property(c => c.Reason).HasConversion<string>().HasMaxLength(20);
        closure.Property(c => c.CreatedBy).HasMaxLength(450);
        closure.Property(c => c.ReopenedBy).HasMaxLength(450);
        closure.HasIndex(c => new { c.CrossingNumber, c.Lane, c.FirstDate, c.LastDate }).IsUnique();
        closure.HasIndex(c => new { c.PortCode, c.FirstDate });
        closure.HasOne<PortRecord>().WithMany().HasForeignKey(c => c.PortCode);
        closure.HasOne<CrossingLaneRecord>().WithMany().HasForeignKey(c => new { c.CrossingNumber, c.Lane });
    }
}
