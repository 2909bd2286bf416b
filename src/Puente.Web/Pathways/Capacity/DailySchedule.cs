using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Capacity;

/// <summary>A date's capacity per port, as the draw announces it: an Admin's overrides where they exist, else the configured template.</summary>
internal sealed class DailySchedule(PuenteDb db, IOptions<PathwaysOptions> options)
{
    /// <summary>The ports with capacity on the date, each with its open slots in start order.</summary>
    public async Task<IReadOnlyList<DrawPort>> For(DateOnly serviceDate, CancellationToken cancellationToken = default)
    {
        var overrides = await db.SlotOverrides
            .Where(s => s.ServiceDate == serviceDate)
            .Select(s => new { s.PortCode, s.Start, s.Capacity })
            .ToListAsync(cancellationToken);
        var overridden = overrides.GroupBy(o => o.PortCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DrawSlot>)g.Select(o => new DrawSlot(o.Start, o.Capacity)).ToList());

        var ports = options.Value.DefaultSlots.Keys.Union(overridden.Keys).Order(StringComparer.Ordinal);
        return ports
            .Select(code => new DrawPort(code,
                Chosen(overridden.GetValueOrDefault(code), options.Value.DefaultSlots.GetValueOrDefault(code))
                    .Where(s => s.Capacity > 0)
                    .OrderBy(s => s.Start, StringComparer.Ordinal)
                    .ToList()))
            .Where(p => p.Slots.Count > 0)
            .ToList();
    }

    /// <summary>The rule for one port and date: its overrides, when it has any, replace its template entirely.</summary>
    public static IEnumerable<DrawSlot> Chosen(IReadOnlyList<DrawSlot>? overrides, IReadOnlyList<SlotTemplate>? template) =>
        overrides is { Count: > 0 } ? overrides : template?.Select(t => new DrawSlot(t.Start, t.Capacity)) ?? [];
}
