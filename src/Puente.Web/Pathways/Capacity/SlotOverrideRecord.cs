using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Web.Pathways.Capacity;

/// <summary>An Admin's capacity for one port, date and slot, replacing the configured template.</summary>
internal sealed class SlotOverrideRecord
{
    public required string PortCode { get; set; }
    public DateOnly ServiceDate { get; set; }
    public required string Start { get; set; }
    public int Capacity { get; set; }
}

internal sealed class SlotOverrideRecordConfiguration : IEntityTypeConfiguration<SlotOverrideRecord>
{
    public void Configure(EntityTypeBuilder<SlotOverrideRecord> slot)
    {
        slot.ToTable("slot_overrides");
        slot.HasKey(s => new { s.PortCode, s.ServiceDate, s.Start });
        slot.Property(s => s.PortCode).HasMaxLength(4);
        slot.Property(s => s.Start).HasMaxLength(5);
        slot.HasOne<Ports.PortRecord>().WithMany().HasForeignKey(s => s.PortCode);
    }
}
