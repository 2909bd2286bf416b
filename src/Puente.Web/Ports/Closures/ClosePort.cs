using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Ports.Status;

namespace Puente.Web.Ports.Closures;

/// <summary>
/// Closes a crossing's lane over a range of the port's dates and has Appointments move every booked
/// group it covers. A preview answers the same counts and changes nothing. Closing the same lane over the
/// same dates again finds the first closure and moves nobody who was already moved.
/// </summary>
internal sealed class ClosePort(PuenteDb db, ChangeLaneStatus status, RebookAppointments rebook, GetClosure getClosure, AuditLog audit, TimeProvider clock)
{
    /// <summary>The longest closure one request may declare; a longer one is declared again when it is known.</summary>
    public const int MaxDays = 366;

    public sealed record Command(string? Crossing, LaneType Lane, DateOnly? From, DateOnly? To, LaneReason Reason);

    public abstract record Outcome;
    public sealed record Previewed(RebookAppointments.Summary Summary) : Outcome;
    public sealed record Closed(GetClosure.Closure Closure, bool Created) : Outcome;
    public sealed record PortNotFound(string Port) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public async Task<Outcome> Handle(string portCode, Command command, PortCaller caller, bool preview, CancellationToken cancellationToken = default)
    {
        var port = await PortScope.For(db, caller).Where(p => p.Code == portCode).Select(p => new { p.Code, p.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        if (port is null)
        {
            return new PortNotFound(portCode);
        }
        var now = clock.GetUtcNow();
        var today = PortCalendar.Today(now, port.TimeZone);
        var errors = new List<FieldError>();
        if (!await status.LaneExists(port.Code, command.Crossing, command.Lane, cancellationToken))
        {
            errors.Add(new FieldError("crossing", FieldCodes.CrossingLaneUnknown, command.Crossing ?? "", command.Lane.ToString()));
        }
        if (!LaneTransitions.ReasonFits(LaneStatus.Closed, command.Reason))
        {
            errors.Add(new FieldError("reason", FieldCodes.LaneReasonMismatch));
        }
        if (command.From is not { } from || command.To is not { } to || to < from || to < today || to.DayNumber - from.DayNumber >= MaxDays)
        {
            errors.Add(new FieldError("to", FieldCodes.ClosureDatesInvalid, IsoDates.Write(today), MaxDays.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new Invalid(errors);
        }
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var scope = new RebookAppointments.Closure(null, port.Code, command.Crossing!, command.Lane, from, to, command.Reason);
        if (preview)
        {
            return new Previewed(await rebook.Handle(scope, apply: false, cancellationToken));
        }

        var (id, created) = await Run(scope, caller.UserId, port.TimeZone, today, now, cancellationToken);
        return new Closed((await getClosure.Handle(id, caller, cancellationToken))!, created);
    }

    // Claim first: the closure row is the transaction's first write, so a second identical request waits on
    // it, then finds it and only reruns the rebooking (which then finds nobody left to move).
    private async Task<(Guid Id, bool Created)> Run(
        RebookAppointments.Closure scope, string userId, string zone, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = new ClosureRecord
        {
            Id = Guid.CreateVersion7(now),
            PortCode = scope.PortCode,
            CrossingNumber = scope.CrossingNumber,
            Lane = scope.Lane,
            FirstDate = scope.FirstDate,
            LastDate = scope.LastDate,
            Reason = scope.Reason,
            CreatedBy = userId,
            CreatedAt = now,
            // Under way already: the lane closes now; a later first date is left to ApplyPlannedClosures.
            LaneClosedAt = scope.FirstDate <= today ? now : null,
        };
        db.Closures.Add(record);
        var created = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var existing = await db.Closures.AsNoTracking().FirstAsync(c => c.CrossingNumber == scope.CrossingNumber && c.Lane == scope.Lane
                && c.FirstDate == scope.FirstDate && c.LastDate == scope.LastDate, cancellationToken);
            await using var again = await db.Database.BeginTransactionAsync(cancellationToken);
            await rebook.Handle(scope with { ClosureId = existing.Id, Reason = existing.Reason }, apply: true, cancellationToken);
            await again.CommitAsync(cancellationToken);
            return (existing.Id, false);
        }

        if (record.LaneClosedAt is not null)
        {
            // The lane shows closed from the first date until the day after the last.
            var (since, until) = ApplyPlannedClosures.Window(scope.FirstDate, scope.LastDate, zone);
            await status.Apply(scope.CrossingNumber, scope.Lane, LaneAction.Close, scope.Reason, since, until, userId, record.Id, cancellationToken);
        }
        await rebook.Handle(scope with { ClosureId = record.Id }, apply: true, cancellationToken);
        await audit.Append(new AuditLog.Event(userId, "closure.created", "closure", record.Id.ToString(), null, new
        {
            port = scope.PortCode, crossing = scope.CrossingNumber, lane = scope.Lane, from = scope.FirstDate, to = scope.LastDate, reason = scope.Reason,
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (record.Id, created);
    }
}
