using Microsoft.EntityFrameworkCore;
using Puente.Web.Audit;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Capacity;

/// <summary>An Admin drops a date's overrides at a port, so the configured template applies again.</summary>
internal sealed class ResetSchedule(PuenteDb db, GetSchedule getSchedule, TimeProvider clock, AuditLog audit)
{
    public async Task<ScheduleChange.Outcome> Handle(string port, DateOnly serviceDate, string actor, CancellationToken cancellationToken = default)
    {
        if (await ScheduleChange.Refusal(db, clock, port, serviceDate, cancellationToken) is { } refused)
        {
            return refused;
        }
        var before = await getSchedule.Handle(port, serviceDate, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SlotOverrides.Where(s => s.PortCode == port && s.ServiceDate == serviceDate).ExecuteDeleteAsync(cancellationToken);
        if (await ScheduleChange.FrozenBy(db, serviceDate, cancellationToken) is { } frozen)
        {
            await transaction.RollbackAsync(cancellationToken);
            return frozen;
        }
        var after = (await getSchedule.Handle(port, serviceDate, cancellationToken))!;
        await ScheduleChange.Audit(audit, actor, "capacity.reset", before!, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScheduleChange.Changed(after);
    }
}
