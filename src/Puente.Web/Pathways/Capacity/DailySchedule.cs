using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Ports.Closures;

namespace Puente.Web.Pathways.Capacity;

/// <summary>A date's capacity per port, as the draw announces it: an Admin's overrides where they exist, else the configured template.</summary>
internal sealed class DailySchedule(PuenteDb db, IOptions<PathwaysOptions> options)
{
    /// <summary>
    /// What a draw may offer on the date: each port's open slots in start order, less the persons already
    /// booked there (groups a closure moved in), without the ports whose appointment lane is closed that day.
    /// </summary>
    public async Task<IReadOnlyList<DrawPort>> For(DateOnly serviceDate, CancellationToken cancellationToken = default)
    {
        var closed = await ClosedPorts.On(db, serviceDate).ToListAsync(cancellationToken);
        var booked = await Booked(serviceDate, cancellationToken);
        return (await Capacity(serviceDate, cancellationToken))
            .Where(p => !closed.Contains(p.Code))
            .Select(p => new DrawPort(p.Code, p.Slots
                .Select(s => new DrawSlot(s.Start, s.Capacity - booked.GetValueOrDefault((p.Code, s.Start))))
                .Where(s => s.Capacity > 0)
                .ToList()))
            .Where(p => p.Slots.Count > 0)
            .ToList();
    }

    /// <summary>Each port's slots with capacity on the date, whatever is booked or closed.</summary>
    public async Task<IReadOnlyList<DrawPort>> Capacity(DateOnly serviceDate, CancellationToken cancellationToken = default) =>
        (await Capacity(serviceDate, serviceDate, cancellationToken))[serviceDate];

    /// <summary>The same for every date from <paramref name="first"/> to <paramref name="last"/>, read in one statement.</summary>
    public async Task<Dictionary<DateOnly, IReadOnlyList<DrawPort>>> Capacity(DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        var overrides = (await db.SlotOverrides
            .Where(s => s.ServiceDate >= first && s.ServiceDate <= last)
            .Select(s => new { s.ServiceDate, s.PortCode, s.Start, s.Capacity })
            .ToListAsync(cancellationToken))
            .ToLookup(o => o.ServiceDate);
        var capacity = new Dictionary<DateOnly, IReadOnlyList<DrawPort>>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var overridden = overrides[date].GroupBy(o => o.PortCode)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<DrawSlot>)g.Select(o => new DrawSlot(o.Start, o.Capacity)).ToList());
            var ports = options.Value.DefaultSlots.Keys.Union(overridden.Keys).Order(StringComparer.Ordinal);
            capacity[date] = ports
                .Select(code => new DrawPort(code,
                    Chosen(overridden.GetValueOrDefault(code), options.Value.DefaultSlots.GetValueOrDefault(code))
                        .Where(s => s.Capacity > 0)
                        .OrderBy(s => s.Start, StringComparer.Ordinal)
                        .ToList()))
                .Where(p => p.Slots.Count > 0)
                .ToList();
        }
        return capacity;
    }

    /// <summary>Persons holding a place per port and slot on the date: every appointment but a cancelled one.</summary>
    public async Task<Dictionary<(string Port, string Slot), int>> Booked(DateOnly serviceDate, CancellationToken cancellationToken = default) =>
        (await Booked(serviceDate, serviceDate, cancellationToken)).ToDictionary(x => (x.Key.Port, x.Key.Slot), x => x.Value);

    /// <summary>The same per date, port and slot for every date from <paramref name="first"/> to <paramref name="last"/>, in one statement.</summary>
    public async Task<Dictionary<(DateOnly Date, string Port, string Slot), int>> Booked(DateOnly first, DateOnly last, CancellationToken cancellationToken = default) =>
        (await db.Appointments
            .Where(a => a.ServiceDate >= first && a.ServiceDate <= last && a.Status != AppointmentStatus.Cancelled)
            .GroupBy(a => new { a.ServiceDate, a.PortCode, a.SlotStart })
            .Select(g => new { g.Key.ServiceDate, g.Key.PortCode, g.Key.SlotStart, Persons = g.Sum(a => a.GroupSize) })
            .ToListAsync(cancellationToken))
        .ToDictionary(x => (x.ServiceDate, x.PortCode, x.SlotStart), x => x.Persons);

    /// <summary>The rule for one port and date: its overrides, when it has any, replace its template entirely.</summary>
    public static IEnumerable<DrawSlot> Chosen(IReadOnlyList<DrawSlot>? overrides, IReadOnlyList<SlotTemplate>? template) =>
        overrides is { Count: > 0 } ? overrides : template?.Select(t => new DrawSlot(t.Start, t.Capacity)) ?? [];
}
