using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>A date's capacity per port: an Admin's overrides where they exist, else the configured template.</summary>
public sealed class DailySchedule(PuenteDb db, IOptions<PathwaysOptions> options)
{
    public async Task<IReadOnlyList<DrawPort>> For(DateOnly serviceDate, CancellationToken cancellationToken = default)
    {
        var overrides = await db.SlotOverrides
            .Where(s => s.ServiceDate == serviceDate)
            .Select(s => new { s.PortCode, s.Start, s.Capacity })
            .ToListAsync(cancellationToken);
        var overridden = overrides.GroupBy(o => o.PortCode)
            .ToDictionary(g => g.Key, g => g.Select(o => new DrawSlot(o.Start, o.Capacity)).ToList());

        var ports = options.Value.DefaultSlots.Keys.Union(overridden.Keys).Order(StringComparer.Ordinal);
        return ports
            .Select(code => new DrawPort(code,
                (overridden.TryGetValue(code, out var slots) ? slots : options.Value.DefaultSlots[code].Select(t => new DrawSlot(t.Start, t.Capacity)))
                    .Where(s => s.Capacity > 0)
                    .OrderBy(s => s.Start, StringComparer.Ordinal)
                    .ToList()))
            .Where(p => p.Slots.Count > 0)
            .ToList();
    }
}
