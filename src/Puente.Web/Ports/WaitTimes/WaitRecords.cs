using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Ports;
using Puente.Domain.Ports.WaitTimes;

namespace Puente.Web.Ports.WaitTimes;

/// <summary>
/// One fetch or file of CBP's wait-time feed, archived as received. Append-only: CBP keeps no history,
/// so this is the history; nothing updates or deletes a poll.
/// </summary>
internal sealed class WaitPollRecord
{
    public Guid Id { get; set; }
    public DateTimeOffset CollectedAt { get; set; }

    /// <summary>The URL polled or the file name imported.</summary>
    public required string Source { get; set; }

    public required string Format { get; set; }
    public required string Body { get; set; }
    public int MexicanCrossings { get; set; }
    public int CanadianSkipped { get; set; }

    /// <summary>Port numbers in the feed that the registry does not know, comma-separated, verbatim.</summary>
    public required string UnknownPortNumbers { get; set; }

    /// <summary>What could not be read, one per line; empty when everything was.</summary>
    public required string Problems { get; set; }
}

/// <summary>One lane of one crossing in one poll: CBP's strings kept verbatim beside what was read from them.</summary>
internal sealed class WaitObservationRecord
{
    public long Id { get; set; }
    public Guid PollId { get; set; }

    /// <summary>CBP's <c>port_number</c> as written (e.g. <c>l24501</c>).</summary>
    public required string PortNumber { get; set; }

    /// <summary>The registry's crossing, or null when the feed's number is unknown (then reported, not dropped).</summary>
    public string? CrossingNumber { get; set; }

    public string? PortCode { get; set; }
    public required string PortStatus { get; set; }
    public LaneType Lane { get; set; }
    public LaneKind Kind { get; set; }
    public required string OperationalStatus { get; set; }
    public required string UpdateTimeText { get; set; }
    public required string DelayText { get; set; }
    public required string LanesOpenText { get; set; }
    public required string MaximumLanesText { get; set; }
    public int? DelayMinutes { get; set; }
    public int? LanesOpen { get; set; }

    /// <summary>The crossing's own date and time in the feed, as an instant (null in the XML feed, which has none).</summary>
    public DateTimeOffset? ReportedAt { get; set; }

    /// <summary>When CBP updated this lane, as an instant; null when no update time could be read.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset CollectedAt { get; set; }
    public Freshness Freshness { get; set; }
}

internal sealed class WaitPollRecordConfiguration : IEntityTypeConfiguration<WaitPollRecord>
{
    public void Configure(EntityTypeBuilder<WaitPollRecord> poll)
    {
        poll.ToTable("wait_polls");
        poll.HasKey(p => p.Id);
        poll.Property(p => p.Source).HasMaxLength(500);
        poll.Property(p => p.Format).HasMaxLength(8);
        poll.HasIndex(p => p.CollectedAt);
    }
}

internal sealed class WaitObservationRecordConfiguration : IEntityTypeConfiguration<WaitObservationRecord>
{
    public void Configure(EntityTypeBuilder<WaitObservationRecord> observation)
    {
        observation.ToTable("wait_observations");
        observation.HasKey(o => o.Id);
        observation.HasOne<WaitPollRecord>().WithMany().HasForeignKey(o => o.PollId);
        foreach (var text in new[] { nameof(WaitObservationRecord.PortNumber), nameof(WaitObservationRecord.PortStatus), nameof(WaitObservationRecord.OperationalStatus),
                     nameof(WaitObservationRecord.UpdateTimeText), nameof(WaitObservationRecord.DelayText), nameof(WaitObservationRecord.LanesOpenText), nameof(WaitObservationRecord.MaximumLanesText) })
        {
            observation.Property(text).HasMaxLength(100);
        }
        observation.Property(o => o.CrossingNumber).HasMaxLength(6);
        observation.Property(o => o.PortCode).HasMaxLength(4);
        observation.Property(o => o.Lane).HasConversion<string>().HasMaxLength(20);
        observation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        observation.Property(o => o.Freshness).HasConversion<string>().HasMaxLength(10);
        observation.HasIndex(o => new { o.PortCode, o.CollectedAt });
    }
}
