using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Draws;

namespace Puente.Web.Pathways.Capacity;

/// <summary>What setting or resetting a port's schedule can come to, and the rules both obey.</summary>
internal static class ScheduleChange
{
    public abstract record Outcome;
    public sealed record Changed(GetSchedule.Schedule Schedule) : Outcome;
    public sealed record PortNotFound(string Port) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    /// <summary>The draw for the date is announced: its slots are published and can no longer change.</summary>
    public sealed record Frozen(DateOnly ServiceDate, DateTimeOffset WindowOpensAt) : Outcome;

    /// <summary>The port's own calendar decides what "today" is: a date is past once it is over at the port.</summary>
    internal static async Task<Outcome?> Refusal(PuenteDb db, TimeProvider clock, string port, DateOnly serviceDate, CancellationToken cancellationToken)
    {
        var zone = await db.Ports.Where(p => p.Code == port).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        if (zone is null)
        {
            return new PortNotFound(port);
        }
        if (await FrozenBy(db, serviceDate, cancellationToken) is { } frozen)
        {
            return frozen;
        }
        var today = PortCalendar.Today(clock.GetUtcNow(), zone);
        return serviceDate < today
            ? new Invalid([new FieldError("date", FieldCodes.DatePast, IsoDates.Write(serviceDate), port, IsoDates.Write(today))])
            : null;
    }

    /// <summary>Every capacity change goes to the platform's audit log, in the change's transaction.</summary>
    internal static Task Audit(AuditLog audit, string actor, string action, GetSchedule.Schedule before, GetSchedule.Schedule after, CancellationToken cancellationToken) =>
        audit.Append(new AuditLog.Event(actor, action, "capacity", $"{after.Port}/{IsoDates.Write(after.ServiceDate)}",
            new { source = before.Source.ToString(), slots = before.Slots },
            new { source = after.Source.ToString(), slots = after.Slots }), cancellationToken);

    internal static async Task<Frozen?> FrozenBy(PuenteDb db, DateOnly serviceDate, CancellationToken cancellationToken) =>
        await db.DrawDays.Where(d => d.ServiceDate == serviceDate)
            .Select(d => new Frozen(d.ServiceDate, d.OpensAt))
            .FirstOrDefaultAsync(cancellationToken);
}
