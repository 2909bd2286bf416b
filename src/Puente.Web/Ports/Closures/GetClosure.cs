using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Closures;
using Puente.Domain.Ports.Status;
using Puente.Web.Database;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Ports.Costs;
using Puente.Web.Ports.Status;

namespace Puente.Web.Ports.Closures;

/// <summary>A closure and what it did: groups affected, rebooked and left unplaced, where they went, and what it costs.</summary>
internal sealed class GetClosure(PuenteDb db, EstimateClosureCost estimate)
{
    public sealed record Closure(
        Guid Id, string Port, string Crossing, LaneType Lane, DateOnly FirstDate, DateOnly LastDate, DateOnly? ReopenedOn, LaneReason Reason,
        int Affected, int Rebooked, int Unplaced, int PersonsAffected, IReadOnlyList<RebookAppointments.Destination> Destinations,
        ClosureCostResponse? Cost);

    /// <summary>Null when there is no such closure or its port is not the caller's.</summary>
    public async Task<Closure?> Handle(Guid id, PortCaller caller, CancellationToken cancellationToken = default)
    {
        var closure = await db.Closures.AsNoTracking()
            .Where(c => c.Id == id && PortScope.For(db, caller).Any(p => p.Code == c.PortCode))
            .FirstOrDefaultAsync(cancellationToken);
        if (closure is null)
        {
            return null;
        }
        var moves = await db.AppointmentMoves.AsNoTracking().Where(m => m.ClosureId == id)
            .Select(m => new { m.ToPort, m.Rule, m.Persons })
            .ToListAsync(cancellationToken);
        var destinations = moves.GroupBy(m => (m.ToPort, m.Rule))
            .Select(g => new RebookAppointments.Destination(g.Key.ToPort, g.Key.Rule, g.Count(), g.Sum(m => m.Persons)))
            .OrderBy(d => d.Port is null).ThenBy(d => d.Rule).ThenBy(d => d.Port, StringComparer.Ordinal)
            .ToList();
        return new Closure(
            closure.Id, closure.PortCode, closure.CrossingNumber, closure.Lane, closure.FirstDate, closure.LastDate, closure.ReopenedOn, closure.Reason,
            moves.Count, moves.Count(m => m.ToPort is not null), moves.Count(m => m.ToPort is null), moves.Sum(m => m.Persons), destinations,
            await estimate.OfClosure(closure.PortCode, closure.Lane, closure.FirstDate, closure.LastDate, closure.ReopenedOn, cancellationToken));
    }

    /// <summary>A port's closures, newest first, for the officers' page.</summary>
    public async Task<IReadOnlyList<Closure>> OfPort(string port, PortCaller caller, CancellationToken cancellationToken = default)
    {
        var ids = await db.Closures.AsNoTracking()
            .Where(c => c.PortCode == port && PortScope.For(db, caller).Any(p => p.Code == c.PortCode))
            .OrderByDescending(c => c.FirstDate).Select(c => c.Id).Take(50).ToListAsync(cancellationToken);
        var closures = new List<Closure>(ids.Count);
        foreach (var id in ids)
        {
            closures.Add((await Handle(id, caller, cancellationToken))!);
        }
        return closures;
    }
}
