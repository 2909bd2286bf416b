using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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

    /// <summary>Stored packed, on both databases (<see cref="PackedMonths"/>).</summary>
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
        series.Property(s => s.Values).HasConversion(
            new ValueConverter<List<long?>, byte[]>(v => PackedMonths.Pack(v), b => PackedMonths.Unpack(b)),
            new ValueComparer<List<long?>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (hash, month) => HashCode.Combine(hash, month)),
                v => v.ToList()));
    }
}

/// <summary>
/// A series' months as one <c>bytea</c> (PostgreSQL) or <c>BLOB</c> (SQLite): eight bytes a month, big-endian, and
/// -1 for a month without a single value (counts are never negative). The database copies it as it is, where an
/// array or a JSON text had every month parsed by the server (docs/decisions/0021-bts-counts-stored-as-series.md).
/// </summary>
internal static class PackedMonths
{
    private const long None = -1;

    public static byte[] Pack(IReadOnlyList<long?> months)
    {
        var packed = new byte[months.Count * sizeof(long)];
        for (var i = 0; i < months.Count; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(packed.AsSpan(i * sizeof(long)), months[i] ?? None);
        }
        return packed;
    }

    public static List<long?> Unpack(byte[] packed)
    {
        var months = new List<long?>(packed.Length / sizeof(long));
        for (var i = 0; i + sizeof(long) <= packed.Length; i += sizeof(long))
        {
            var value = BinaryPrimitives.ReadInt64BigEndian(packed.AsSpan(i));
            months.Add(value == None ? null : value);
        }
        return months;
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
