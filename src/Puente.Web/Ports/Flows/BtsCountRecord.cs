using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Ports.Flows;

namespace Puente.Web.Ports.Flows;

/// <summary>
/// One BTS monthly count. The value is part of the key, so an exact repeat collapses into one row and a
/// second value for the same port, month and measure is kept beside the first: a conflict for people to see.
/// </summary>
internal sealed class BtsCountRecord
{
    public const string Table = "bts_monthly_counts";

    public required string PortCode { get; set; }
    public BtsMeasure Measure { get; set; }
    public DateOnly Month { get; set; }
    public long Value { get; set; }

    /// <summary>A made-up figure of the demo fixture, not BTS's; the first real import replaces them all.</summary>
    public bool Demo { get; set; }
}

internal sealed class BtsCountRecordConfiguration : IEntityTypeConfiguration<BtsCountRecord>
{
    public void Configure(EntityTypeBuilder<BtsCountRecord> count)
    {
        count.ToTable(BtsCountRecord.Table);
        count.HasKey(c => new { c.PortCode, c.Measure, c.Month, c.Value });
        count.Property(c => c.PortCode).HasMaxLength(4);
        count.Property(c => c.Measure).HasConversion<string>().HasMaxLength(32);
    }
}
