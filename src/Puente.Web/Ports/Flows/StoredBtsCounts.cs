using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports.Flows;
using Puente.Web.Database;

namespace Puente.Web.Ports.Flows;

/// <summary>A stored BTS count; <see cref="Demo"/> when it is the demo fixture's made-up figure.</summary>
internal sealed record StoredBtsCount(string PortCode, DateOnly Month, BtsMeasure Measure, long Value, bool Demo)
{
    public BtsCount Count => new(PortCode, Month, Measure, Value);
}

/// <summary>
/// The stored counts as rows of (port, month, measure, value), whatever their storage shape: each series'
/// months with one value, and every value of a month in conflict (so a conflicting key reads as several rows).
/// </summary>
internal static class StoredBtsCounts
{
    /// <param name="ports">Only these ports; all when null.</param>
    public static async Task<List<StoredBtsCount>> Read(PuenteDb db, IReadOnlyCollection<string>? ports = null, BtsMeasure? measure = null,
        DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        var series = db.BtsSeries.AsNoTracking();
        var conflicts = db.BtsConflicts.AsNoTracking();
        if (ports is not null)
        {
            series = series.Where(s => ports.Contains(s.PortCode));
            conflicts = conflicts.Where(c => ports.Contains(c.PortCode));
        }
        if (measure is { } one)
        {
            series = series.Where(s => s.Measure == one);
            conflicts = conflicts.Where(c => c.Measure == one);
        }
        if (from is { } start)
        {
            conflicts = conflicts.Where(c => c.Month >= start);
        }
        if (to is { } end)
        {
            conflicts = conflicts.Where(c => c.Month <= end);
        }
        var counts = new List<StoredBtsCount>();
        foreach (var row in await series.ToListAsync(cancellationToken))
        {
            counts.AddRange(new BtsSeries(row.PortCode, row.Measure, row.FirstMonth, row.Values).Counts(from, to)
                .Select(c => new StoredBtsCount(c.PortCode, c.Month, c.Measure, c.Value, row.Demo)));
        }
        counts.AddRange(await conflicts.Select(c => new StoredBtsCount(c.PortCode, c.Month, c.Measure, c.Value, c.Demo)).ToListAsync(cancellationToken));
        return counts;
    }

    /// <summary>Whether any count is stored at all.</summary>
    public static async Task<bool> Any(PuenteDb db, CancellationToken cancellationToken = default) =>
        await db.BtsSeries.AnyAsync(cancellationToken) || await db.BtsConflicts.AnyAsync(cancellationToken);
}
