using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Pathways.Draws;

namespace Puente.Web.Pathways.Draws;

/// <summary>One service date's draw: what was committed when the window opened and what it gave.</summary>
internal sealed class DrawDayRecord
{
    public DateOnly ServiceDate { get; set; }
    public DrawStatus Status { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>Hex of the 32 secret bytes, stored before any entry; published only with the results.</summary>
    public required string Secret { get; set; }

    /// <summary>The announcement exactly as published (JSON), including commitment and frozen slots.</summary>
    public required string Announcement { get; set; }

    /// <summary>The spec's beacon value: the announced round's randomness once used, empty otherwise.</summary>
    public string Beacon { get; set; } = "";

    /// <summary>When the beacon round named in the announcement is published; null when none was named.</summary>
    public DateTimeOffset? BeaconRoundAt { get; set; }

    /// <summary>Once drawn, what became of the beacon (<see cref="DrawBeaconStatus"/>), and why a named round was not used.</summary>
    public string? BeaconStatus { get; set; }
    public string? BeaconReason { get; set; }

    public string? EntriesDigest { get; set; }
    public string? Seed { get; set; }
    public string? ResultsDigest { get; set; }

    /// <summary>The whole bundle as published once the draw ran (JSON), served verbatim so it never changes.</summary>
    public string? Bundle { get; set; }

    public int EntryCount { get; set; }
    public int PersonCount { get; set; }
    public int SelectedCount { get; set; }
    public int SelectedPersonCount { get; set; }
    public DateTimeOffset? DrawnAt { get; set; }
}

internal sealed class DrawDayRecordConfiguration : IEntityTypeConfiguration<DrawDayRecord>
{
    public void Configure(EntityTypeBuilder<DrawDayRecord> draw)
    {
        draw.ToTable("draw_days");
        draw.HasKey(d => d.ServiceDate);
        draw.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        draw.Property(d => d.Secret).HasMaxLength(64);
        draw.Property(d => d.EntriesDigest).HasMaxLength(64);
        draw.Property(d => d.Seed).HasMaxLength(64);
        draw.Property(d => d.ResultsDigest).HasMaxLength(64);
        draw.Property(d => d.Beacon).HasMaxLength(200);
        draw.Property(d => d.BeaconStatus).HasMaxLength(16);
        draw.Property(d => d.BeaconReason).HasMaxLength(16);
    }
}
