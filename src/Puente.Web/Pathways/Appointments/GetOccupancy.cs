using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Ports.Closures;
using Puente.Web.Ports.Status;

namespace Puente.Web.Pathways.Appointments;

/// <summary>A port's slots on a date: capacity and the persons booked in each (every appointment but a cancelled one).</summary>
internal sealed class GetOccupancy(PuenteDb db, DailySchedule schedule)
{
    public sealed record Slot(string Start, int Capacity, int Booked);

    public sealed record Occupancy(string Port, DateOnly ServiceDate, bool Closed, IReadOnlyList<Slot> Slots);

    /// <summary>Null when the port is unknown or not the caller's.</summary>
    public async Task<Occupancy?> Handle(string port, DateOnly serviceDate, PortCaller caller, CancellationToken cancellationToken = default)
    {
        if (!await PortScope.For(db, caller).AnyAsync(p => p.Code == port, cancellationToken))
        {
            return null;
        }
        var capacity = (await schedule.Capacity(serviceDate, cancellationToken)).FirstOrDefault(p => p.Code == port)?.Slots ?? [];
        var booked = (await schedule.Booked(serviceDate, cancellationToken)).Where(b => b.Key.Port == port).ToDictionary(b => b.Key.Slot, b => b.Value);
        var slots = capacity.Select(s => s.Start).Union(booked.Keys).Order(StringComparer.Ordinal)
            .Select(start => new Slot(start, capacity.FirstOrDefault(s => s.Start == start)?.Capacity ?? 0, booked.GetValueOrDefault(start)))
            .ToList();
        var closed = await ClosedPorts.On(db, serviceDate).AnyAsync(p => p == port, cancellationToken);
        return new Occupancy(port, serviceDate, closed, slots);
    }
}
