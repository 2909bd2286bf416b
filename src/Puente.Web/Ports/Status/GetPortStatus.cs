using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Database;
using Puente.Web.Ports.Closures;

namespace Puente.Web.Ports.Status;

/// <summary>Every lane's status of a port (or of all ports), times in the port's zone, with the closures still ahead or under way.</summary>
internal sealed class GetPortStatus(PuenteDb db, TimeProvider clock)
{
    public sealed record Lane(
        LaneType Type, LaneStatus Status, LaneReason? Reason, DateTimeOffset? Since, DateTimeOffset? ExpectedReopening, bool ProcessesAppointments);

    public sealed record Crossing(string Number, string Name, IReadOnlyList<Lane> Lanes);

    public sealed record Closure(Guid Id, string Crossing, LaneType Lane, DateOnly FirstDate, DateOnly LastDate, DateOnly? ReopenedOn, LaneReason Reason);

    public sealed record PortStatus(string Code, string Name, string TimeZone, IReadOnlyList<Crossing> Crossings, IReadOnlyList<Closure> Closures);

    /// <summary>Null when there is no such port.</summary>
    public async Task<PortStatus?> Handle(string code, CancellationToken cancellationToken = default) =>
        await Read(db.Ports.Where(p => p.Code == code), cancellationToken) is [var port] ? port : null;

    public Task<IReadOnlyList<PortStatus>> All(CancellationToken cancellationToken = default) => Read(db.Ports, cancellationToken);

    private async Task<IReadOnlyList<PortStatus>> Read(IQueryable<PortRecord> ports, CancellationToken cancellationToken)
    {
        var portRows = await ports.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.Name, p.TimeZone, p.AppointmentCrossing, p.AppointmentLane })
            .ToListAsync(cancellationToken);
        var codes = portRows.Select(p => p.Code).ToList();
        var lanes = await db.Crossings.AsNoTracking().Where(c => codes.Contains(c.PortCode))
            .SelectMany(c => c.Lanes, (c, l) => new { c.PortCode, c.Number, c.Name, l.Type })
            .ToListAsync(cancellationToken);
        var numbers = lanes.Select(l => l.Number).Distinct().ToList();
        var statuses = await db.LaneStatuses.AsNoTracking().Where(s => numbers.Contains(s.CrossingNumber))
            .ToDictionaryAsync(s => (s.CrossingNumber, s.Lane), cancellationToken);
        var now = clock.GetUtcNow();
        var closures = await db.Closures.AsNoTracking().Where(c => codes.Contains(c.PortCode))
            .OrderBy(c => c.FirstDate)
            .Select(c => new { c.PortCode, Closure = new Closure(c.Id, c.CrossingNumber, c.Lane, c.FirstDate, c.LastDate, c.ReopenedOn, c.Reason) })
            .ToListAsync(cancellationToken);

        return portRows.Select(p =>
        {
            var today = PortCalendar.Today(now, p.TimeZone);
            DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? PortCalendar.LocalTime(i, p.TimeZone) : null;
            var crossings = lanes.Where(l => l.PortCode == p.Code)
                .GroupBy(l => (l.Number, l.Name))
                .OrderBy(g => g.Key.Number, StringComparer.Ordinal)
                .Select(g => new Crossing(g.Key.Number, g.Key.Name, g.OrderBy(l => l.Type).Select(l =>
                {
                    var status = statuses.GetValueOrDefault((l.Number, l.Type));
                    return new Lane(l.Type, status?.Status ?? LaneStatus.Open, status?.Reason, Local(status?.Since), Local(status?.ExpectedReopening),
                        p.AppointmentCrossing == l.Number && p.AppointmentLane == l.Type);
                }).ToList()))
                .ToList();
            // Closures still closing a date from today on; the history is in the lane's changes.
            var ahead = closures.Where(c => c.PortCode == p.Code && (c.Closure.ReopenedOn ?? c.Closure.LastDate.AddDays(1)) > today)
                .Select(c => c.Closure).ToList();
            return new PortStatus(p.Code, p.Name, p.TimeZone, crossings, ahead);
        }).ToList();
    }
}
