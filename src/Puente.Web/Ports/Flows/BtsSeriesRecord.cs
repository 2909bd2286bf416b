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
/// A series' months as one <c>bytea</c> (PostgreSQL) or <c>BLOB</c> (SQLite): a first byte <c>0x80 + w</c>, then every month
/// in <c>w</c> bytes, big-endian, all ones for a month without a single value (counts are never negative). <c>w</c>, from 1
/// to 8, is the fewest bytes that hold the series' largest count below all ones: the whole BTS history is about 600 bytes
/// a series (at most 1,051), where eight bytes a month made 2,880, so every row stays within its page. The database copies
/// it as it is, where an array or a JSON text had every month parsed by the server
/// (docs/decisions/0021-bts-counts-stored-as-series.md).
/// </summary>
internal static class PackedMonths
{
    private const byte Marker = 0x80;

    public static byte[] Pack(IReadOnlyList<long?> months)
    {
        ulong largest = 0;
        foreach (var month in months)
        {
            largest = Math.Max(largest, (ulong)(month ?? 0));
        }
        var width = 1;
        while (width < sizeof(long) && largest >= None(width))
        {
            width++;
        }
        var packed = new byte[1 + months.Count * width];
        packed[0] = (byte)(Marker + width);
        Span<byte> month8 = stackalloc byte[sizeof(long)];
        for (var i = 0; i < months.Count; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(month8, months[i] is { } value ? (ulong)value : None(width));
            month8[(sizeof(long) - width)..].CopyTo(packed.AsSpan(1 + i * width));
        }
        return packed;
    }

    public static List<long?> Unpack(byte[] packed)
    {
        var width = packed.Length > 0 ? packed[0] - Marker : 0;
        if (width is < 1 or > sizeof(long) || (packed.Length - 1) % width != 0)
        {
            throw new InvalidDataException($"A stored BTS series of {packed.Length} bytes does not start with its width (0x81 to 0x88) or does not hold whole months.");
        }
        var none = None(width);
        var months = new List<long?>((packed.Length - 1) / width);
        Span<byte> month8 = stackalloc byte[sizeof(long)];
        for (var at = 1; at < packed.Length; at += width)
        {
            month8.Clear();
            packed.AsSpan(at, width).CopyTo(month8[(sizeof(long) - width)..]);
            var value = BinaryPrimitives.ReadUInt64BigEndian(month8);
            months.Add(value == none ? null : (long)value);
        }
        return months;
    }

    /// <summary>All ones in <paramref name="width"/> bytes: a month without a single value.</summary>
    private static ulong None(int width) => width == sizeof(long) ? ulong.MaxValue : (1UL << (8 * width)) - 1;
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
