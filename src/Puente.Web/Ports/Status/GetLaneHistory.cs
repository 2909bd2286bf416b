using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Database;

namespace Puente.Web.Ports.Status;

/// <summary>Every change of a port's lanes, newest first: who, when, before and after, in the port's zone.</summary>
internal sealed class GetLaneHistory(PuenteDb db)
{
    public sealed record Change(
        string Crossing, LaneType Lane, string ChangedBy, DateTimeOffset ChangedAt,
        LaneStatus FromStatus, LaneReason? FromReason, LaneStatus ToStatus, LaneReason? ToReason,
        DateTimeOffset Since, DateTimeOffset? ExpectedReopening, Guid? ClosureId);

    /// <summary>Null when the port is unknown or not the caller's.</summary>
    public async Task<IReadOnlyList<Change>?> Handle(string code, PortCaller caller, CancellationToken cancellationToken = default)
    {
        var zone = await PortScope.For(db, caller).Where(p => p.Code == code).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        if (zone is null)
        {
            return null;
        }
        var rows = await db.LaneStatusChanges.AsNoTracking()
            .Where(c => db.Crossings.Any(x => x.Number == c.CrossingNumber && x.PortCode == code))
            .Select(c => new
            {
                c.CrossingNumber, c.Lane, c.ChangedAt, c.FromStatus, c.FromReason, c.ToStatus, c.ToReason, c.ToSince, c.ToExpectedReopening, c.ClosureId,
                By = db.Users.Where(u => u.Id == c.ChangedBy).Select(u => u.Email).FirstOrDefault() ?? c.ChangedBy,
            })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.ToSince).ThenBy(r => r.CrossingNumber, StringComparer.Ordinal)
            .Select(r => new Change(
                r.CrossingNumber, r.Lane, r.By, PortCalendar.LocalTime(r.ChangedAt, zone), r.FromStatus, r.FromReason, r.ToStatus, r.ToReason,
                PortCalendar.LocalTime(r.ToSince, zone), r.ToExpectedReopening is { } e ? PortCalendar.LocalTime(e, zone) : null, r.ClosureId))
            .ToList();
    }
}
