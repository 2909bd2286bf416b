using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Ports;

namespace Puente.Web.Ports;

/// <summary>A port of entry as stored; loaded from the reference registry.</summary>
internal sealed class PortRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string State { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public required string TimeZone { get; set; }
    public required string MexicanCity { get; set; }
    public required string MexicanState { get; set; }
    public DateOnly RegistryEffectiveFrom { get; set; }

    /// <summary>The crossing whose <see cref="AppointmentLane"/> processes this port's appointments; null when it takes none.</summary>
    public string? AppointmentCrossing { get; set; }

    public LaneType? AppointmentLane { get; set; }

    public List<CrossingRecord> Crossings { get; set; } = [];
}

internal sealed class CrossingRecord
{
    public required string Number { get; set; }
    public required string PortCode { get; set; }
    public required string Name { get; set; }
    public List<CrossingLaneRecord> Lanes { get; set; } = [];
}

internal sealed class CrossingLaneRecord
{
    public required string CrossingNumber { get; set; }
    public LaneType Type { get; set; }
}

internal sealed class PortRecordConfiguration : IEntityTypeConfiguration<PortRecord>
{
    public void Configure(EntityTypeBuilder<PortRecord> port)
    {
        port.ToTable("ports");
        port.HasKey(p => p.Code);
        port.Property(p => p.Code).HasMaxLength(4);
        port.Property(p => p.Name).HasMaxLength(100);
        port.Property(p => p.State).HasMaxLength(2);
        port.Property(p => p.TimeZone).HasMaxLength(64);
        port.Property(p => p.MexicanCity).HasMaxLength(100);
        port.Property(p => p.MexicanState).HasMaxLength(100);
        port.Property(p => p.AppointmentCrossing).HasMaxLength(6);
        port.Property(p => p.AppointmentLane).HasConversion<string>().HasMaxLength(20);
        port.HasMany(p => p.Crossings).WithOne().HasForeignKey(c => c.PortCode);
    }
}

internal sealed class CrossingRecordConfiguration : IEntityTypeConfiguration<CrossingRecord>
{
    public void Configure(EntityTypeBuilder<CrossingRecord> crossing)
    {
        crossing.ToTable("crossings");
        crossing.HasKey(c => c.Number);
        crossing.Property(c => c.Number).HasMaxLength(6);
        crossing.Property(c => c.PortCode).HasMaxLength(4);
        crossing.Property(c => c.Name).HasMaxLength(100);
        crossing.HasMany(c => c.Lanes).WithOne().HasForeignKey(l => l.CrossingNumber);
    }
}

internal sealed class CrossingLaneRecordConfiguration : IEntityTypeConfiguration<CrossingLaneRecord>
{
    public void Configure(EntityTypeBuilder<CrossingLaneRecord> lane)
    {
        lane.ToTable("crossing_lanes");
        lane.HasKey(l => new { l.CrossingNumber, l.Type });
        lane.Property(l => l.Type).HasConversion<string>().HasMaxLength(20);
    }
}
