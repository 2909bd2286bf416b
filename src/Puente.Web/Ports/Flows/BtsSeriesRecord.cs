using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Domain.Ports.Flows;

namespace Puente.Web.Ports.Flows;

/// <summary>
/// A port's BTS monthly counts of one measure, one row for the whole series (see
/// docs/decisions/0021-bts-counts-stored-as-series.md): a value per month from <see cref="FirstMonth"/> on, null
/// where BTS gave none or more than one. A month with several values keeps them all in <see cref="BtsConflictRecord"/>.
/// </summary>
internal sealed class BtsSeriesRecord
{
    public const string Table = "bts_series";

    public required string PortCode { get; set; }
    public BtsMeasure Measure { get; set; }
    public DateOnly FirstMonth { get; set; }

    /// <summary>A JSON array on SQLite, a <c>bigint[]</c> on PostgreSQL.</summary>
    public List<long?> Values { get; set; } = [];

    /// <summary>Made-up figures of the demo fixture, not BTS's; the first real import replaces them all.</summary>
    public bool Demo { get; set; }
}

/// <summary>
/// Every value of a port, month and measure to which BTS gave more than one: a conflict for people to see,
/// never settled by picking one. The value is part of the key, so an exact repeat still collapses.
/// </summary>
internal sealed class BtsConflictRecord
{
    public const string Table = "bts_conflicts";

    public required string PortCode { get; set; }
    public BtsMeasure Measure { get; set; }
    public DateOnly Month { get; set; }
    public long Value { get; set; }

    /// <inheritdoc cref="BtsSeriesRecord.Demo"/>
    public bool Demo { get; set; }
}

internal sealed class BtsSeriesRecordConfiguration : IEntityTypeConfiguration<BtsSeriesRecord>
{
    public void Configure(EntityTypeBuilder<BtsSeriesRecord> series)
    {
        series.ToTable(BtsSeriesRecord.Table);
        series.HasKey(s => new { s.PortCode, s.Measure });
        series.Property(s => s.PortCode).HasMaxLength(4);
        series.Property(s => s.Measure).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class BtsConflictRecordConfiguration : IEntityTypeConfiguration<BtsConflictRecord>
{
    public void Configure(EntityTypeBuilder<BtsConflictRecord> conflict)
    {
        conflict.ToTable(BtsConflictRecord.Table);
        conflict.HasKey(c => new { c.PortCode, c.Measure, c.Month, c.Value });
        conflict.Property(c => c.PortCode).HasMaxLength(4);
        conflict.Property(c => c.Measure).HasConversion<string>().HasMaxLength(32);
    }
}
