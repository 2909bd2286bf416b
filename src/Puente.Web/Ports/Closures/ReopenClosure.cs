using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Ports.Status;

namespace Puente.Web.Ports.Closures;

/// <summary>
/// Ends a closure early: its dates from today on are open again (for new draws) and the lane opens.
/// Nobody who was moved is moved back: they hold new passes and were told where to go.
/// </summary>
internal sealed class ReopenClosure(PuenteDb db, ChangeLaneStatus status, AuditLog audit, TimeProvider clock)
{
    public abstract record Outcome;
    public sealed record Reopened(DateOnly On) : Outcome;
    public sealed record NotFound : Outcome;

    /// <summary>Already reopened, or over.</summary>
    public sealed record NotClosed : Outcome;

    public async Task<Outcome> Handle(Guid id, PortCaller caller, CancellationToken cancellationToken = default)
    {
        var closure = await db.Closures.AsNoTracking()
            .Where(c => c.Id == id && PortScope.For(db, caller).Any(p => p.Code == c.PortCode))
            .Select(c => new { c.Id, c.CrossingNumber, c.Lane, c.FirstDate, c.LastDate, c.ReopenedOn, Zone = db.Ports.Where(p => p.Code == c.PortCode).Select(p => p.TimeZone).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (closure is null)
        {
            return new NotFound();
        }
        var now = clock.GetUtcNow();
        var today = PortCalendar.Today(now, closure.Zone);
        if (closure.ReopenedOn is not null || closure.LastDate < today)
        {
            return new NotClosed();
        }
        var on = today < closure.FirstDate ? closure.FirstDate : today;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Closures.Where(c => c.Id == id && c.ReopenedOn == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReopenedOn, on).SetProperty(c => c.ReopenedAt, now).SetProperty(c => c.ReopenedBy, caller.UserId)
                .SetProperty(c => c.LaneOpenedAt, now), cancellationToken);
        if (changed == 0)
        {
            return new NotClosed();
        }
        var current = await db.LaneStatuses.AsNoTracking()
            .Where(l => l.CrossingNumber == closure.CrossingNumber && l.Lane == closure.Lane).Select(l => (LaneStatus?)l.Status).FirstOrDefaultAsync(cancellationToken);
        if (current == LaneStatus.Closed)
        {
            await status.Apply(closure.CrossingNumber, closure.Lane, LaneAction.Open, null, now, null, caller.UserId, closure.Id, cancellationToken);
        }
        await audit.Append(new AuditLog.Event(caller.UserId, "closure.reopened", "closure", closure.Id.ToString(), null, new { reopenedOn = on }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Reopened(on);
    }
}
