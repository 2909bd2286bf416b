using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Web.Database;

namespace Puente.Web.Ports;

/// <summary>
/// Brings the ports tables in line with the registry shipped in the build, so that a new
/// registry edition reaches every database on the next migrate.
/// </summary>
internal sealed class SyncPortsRegistry(PuenteDb db)
{
    public async Task Handle(PortsRegistry registry, CancellationToken cancellationToken = default)
    {
        var existing = await db.Ports
            .Include(p => p.Crossings).ThenInclude(c => c.Lanes)
            .AsSplitQuery()
            .ToDictionaryAsync(p => p.Code, cancellationToken);

        foreach (var port in registry.Ports)
        {
            if (!existing.TryGetValue(port.Code, out var record))
            {
                record = new PortRecord
                {
                    Code = port.Code, Name = port.Name, State = port.State, TimeZone = port.TimeZone,
                    MexicanCity = port.MexicanCity, MexicanState = port.MexicanState,
                };
                db.Ports.Add(record);
            }
            record.Name = port.Name;
            record.State = port.State;
            record.Latitude = port.Latitude;
            record.Longitude = port.Longitude;
            record.TimeZone = port.TimeZone;
            record.MexicanCity = port.MexicanCity;
            record.MexicanState = port.MexicanState;
            record.RegistryEffectiveFrom = registry.EffectiveFrom;
            record.AppointmentCrossing = port.Appointments?.Crossing;
            record.AppointmentLane = port.Appointments?.Lane;
            SyncCrossings(record, port.Crossings);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private void SyncCrossings(PortRecord record, IReadOnlyList<Crossing> crossings)
    {
        foreach (var stale in record.Crossings.Where(c => crossings.All(x => x.Number != c.Number)).ToList())
        {
            record.Crossings.Remove(stale);
            db.Crossings.Remove(stale);
        }
        foreach (var crossing in crossings)
        {
            var stored = record.Crossings.FirstOrDefault(c => c.Number == crossing.Number);
            if (stored is null)
            {
                stored = new CrossingRecord { Number = crossing.Number, PortCode = record.Code, Name = crossing.Name };
                record.Crossings.Add(stored);
            }
            stored.Name = crossing.Name;
            foreach (var lane in stored.Lanes.Where(l => !crossing.Lanes.Contains(l.Type)).ToList())
            {
                stored.Lanes.Remove(lane);
                db.CrossingLanes.Remove(lane);
            }
            foreach (var type in crossing.Lanes.Where(t => stored.Lanes.All(l => l.Type != t)))
            {
                stored.Lanes.Add(new CrossingLaneRecord { CrossingNumber = crossing.Number, Type = type });
            }
        }
    }
}
