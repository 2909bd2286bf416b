using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Ports.Status;

namespace Puente.Web.Ports.Closures;

/// <summary>
/// Brings lanes in line with the closures declared ahead of time: on a closure's first date (in the port's
/// calendar) its lane closes, with the reason and the expected reopening; after its last date the lane opens
/// again, unless someone changed it meanwhile. Each step is claimed on the closure's row first, so two
/// instances running this at once change the lane once.
/// </summary>
internal sealed class ApplyPlannedClosures(PuenteDb db, ChangeLaneStatus status, TimeProvider clock)
{
    public sealed record Applied(int Closed, int Reopened);

    private sealed record Due(Guid Id, string Crossing, LaneType Lane, DateOnly FirstDate, DateOnly LastDate, LaneReason Reason, string Zone, bool LaneClosed);

    public async Task<Applied> Handle(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        // Every port's date is within a day of UTC's: the database narrows, the port's calendar decides.
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        var (earliest, latest) = (utcToday.AddDays(-1), utcToday.AddDays(1));
        var due = await db.Closures.AsNoTracking()
            .Where(c => c.ReopenedOn == null
                && ((c.LaneClosedAt == null && c.FirstDate <= latest && c.LastDate >= earliest)
                    || (c.LaneClosedAt != null && c.LaneOpenedAt == null && c.LastDate <= utcToday)))
            .OrderBy(c => c.FirstDate)
            .Select(c => new Due(c.Id, c.CrossingNumber, c.Lane, c.FirstDate, c.LastDate, c.Reason,
                db.Ports.Where(p => p.Code == c.PortCode).Select(p => p.TimeZone).First(), c.LaneClosedAt != null))
            .ToListAsync(cancellationToken);
        var (closed, reopened) = (0, 0);
        foreach (var closure in due)
        {
            var today = PortCalendar.Today(now, closure.Zone);
            if (!closure.LaneClosed && closure.FirstDate <= today && today <= closure.LastDate)
            {
                closed += await Close(closure, now, cancellationToken) ? 1 : 0;
            }
            else if (closure.LaneClosed && closure.LastDate < today)
            {
                reopened += await Open(closure, now, cancellationToken) ? 1 : 0;
            }
        }
        return new Applied(closed, reopened);
    }

    /// <summary>The instants a closure's lane shows closed from and is expected to open at: the port's midnights.</summary>
    public static (DateTimeOffset Since, DateTimeOffset Until) Window(DateOnly firstDate, DateOnly lastDate, string zone) =>
        (PortCalendar.SlotStartsAt(firstDate, TimeOnly.MinValue, zone), PortCalendar.SlotStartsAt(lastDate.AddDays(1), TimeOnly.MinValue, zone));

    private async Task<bool> Close(Due closure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A closure reopened by hand before its first date is not closed again.
        var claimed = await db.Closures.Where(c => c.Id == closure.Id && c.LaneClosedAt == null && c.ReopenedOn == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LaneClosedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        var (since, until) = Window(closure.FirstDate, closure.LastDate, closure.Zone);
        var outcome = await status.Apply(closure.Crossing, closure.Lane, LaneAction.Close, closure.Reason, since, until, AuditLog.System, closure.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome is ChangeLaneStatus.Changed;
    }

    private async Task<bool> Open(Due closure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Closures.Where(c => c.Id == closure.Id && c.LaneOpenedAt == null && c.ReopenedOn == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LaneOpenedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        // Only the status this closure set is lifted: a lane someone changed since keeps what they chose.
        var (since, until) = Window(closure.FirstDate, closure.LastDate, closure.Zone);
        var current = await db.LaneStatuses.AsNoTracking()
            .Where(l => l.CrossingNumber == closure.Crossing && l.Lane == closure.Lane)
            .Select(l => new { l.Status, l.Since, l.ExpectedReopening })
            .FirstOrDefaultAsync(cancellationToken);
        var ours = current is { Status: LaneStatus.Closed } && current.Since == since && current.ExpectedReopening == until;
        var outcome = ours
            ? await status.Apply(closure.Crossing, closure.Lane, LaneAction.Open, null, until, null, AuditLog.System, closure.Id, cancellationToken)
            : null;
        await transaction.CommitAsync(cancellationToken);
        return outcome is ChangeLaneStatus.Changed;
    }
}
