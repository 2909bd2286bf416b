using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Ports.Status;

/// <summary>
/// An officer (at their port) or an Admin opens, restricts or closes one lane of one crossing. The change
/// is conditional on the version read, and every change is kept with who, when, before and after.
/// </summary>
internal sealed class ChangeLaneStatus(PuenteDb db, TimeProvider clock, AuditLog audit)
{
    /// <param name="ExpectedReopening">The port-local date the lane is expected to open again, for a restriction or closure.</param>
    public sealed record Command(string? Crossing, LaneType Lane, LaneAction Action, LaneReason? Reason, DateOnly? ExpectedReopening);

    public abstract record Outcome;
    public sealed record Changed(LaneStatus Status) : Outcome;
    public sealed record PortNotFound(string Port) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;
    public sealed record Refused(TransitionRejected<LaneStatus, LaneAction> Rejection) : Outcome;

    public async Task<Outcome> Handle(string portCode, Command command, PortCaller caller, CancellationToken cancellationToken = default)
    {
        var port = await PortScope.For(db, caller).Where(p => p.Code == portCode).Select(p => new { p.Code, p.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        if (port is null)
        {
            return new PortNotFound(portCode);
        }
        var errors = new List<FieldError>();
        if (!await LaneExists(port.Code, command.Crossing, command.Lane, cancellationToken))
        {
            errors.Add(new FieldError("crossing", FieldCodes.CrossingLaneUnknown, command.Crossing ?? "", command.Lane.ToString()));
        }
        var now = clock.GetUtcNow();
        var target = command.Action switch
        {
            LaneAction.Open => LaneStatus.Open,
            LaneAction.Restrict => LaneStatus.Restricted,
            _ => LaneStatus.Closed,
        };
        if (!LaneTransitions.ReasonFits(target, command.Reason))
        {
            errors.Add(new FieldError("reason", FieldCodes.LaneReasonMismatch));
        }
        DateTimeOffset? reopening = null;
        if (command.ExpectedReopening is { } date)
        {
            reopening = PortCalendar.SlotStartsAt(date, TimeOnly.MinValue, port.TimeZone);
            if (target == LaneStatus.Open || reopening <= now)
            {
                errors.Add(new FieldError("expectedReopening", FieldCodes.ReopeningInvalid, IsoDates.Write(date)));
            }
        }
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }
        return await Apply(command.Crossing!, command.Lane, command.Action, command.Reason, now, reopening, caller.UserId, closureId: null, cancellationToken);
    }

    /// <summary>
    /// The transition itself, for this use case and for closures (which pass their own start and reopening).
    /// Joins the caller's transaction when there is one.
    /// </summary>
    public async Task<Outcome> Apply(
        string crossing, LaneType lane, LaneAction action, LaneReason? reason, DateTimeOffset since, DateTimeOffset? expectedReopening,
        string userId, Guid? closureId, CancellationToken cancellationToken)
    {
        var current = await db.LaneStatuses.AsNoTracking().FirstOrDefaultAsync(l => l.CrossingNumber == crossing && l.Lane == lane, cancellationToken);
        var from = current?.Status ?? LaneStatus.Open;
        var (next, rejected) = LaneTransitions.Apply(from, action);
        if (rejected is not null)
        {
            return new Refused(rejected);
        }
        var now = clock.GetUtcNow();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (current is null)
            {
                // The key refuses a second first change made at the same moment.
                db.LaneStatuses.Add(new LaneStatusRecord
                {
                    CrossingNumber = crossing, Lane = lane, Status = next!.Value, Reason = reason, Since = since,
                    ExpectedReopening = expectedReopening, Version = 1,
                });
            }
            else
            {
                var changed = await db.LaneStatuses
                    .Where(l => l.CrossingNumber == crossing && l.Lane == lane && l.Version == current.Version)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(l => l.Status, next!.Value)
                        .SetProperty(l => l.Reason, reason)
                        .SetProperty(l => l.Since, since)
                        .SetProperty(l => l.ExpectedReopening, expectedReopening)
                        .SetProperty(l => l.Version, current.Version + 1), cancellationToken);
                if (changed == 0)
                {
                    // Someone changed the lane since it was read: decide again from what they left.
                    if (own is not null)
                    {
                        await own.RollbackAsync(cancellationToken);
                        await own.DisposeAsync();
                        own = null;
                    }
                    return await Apply(crossing, lane, action, reason, since, expectedReopening, userId, closureId, cancellationToken);
                }
            }
            db.LaneStatusChanges.Add(new LaneStatusChangeRecord
            {
                Id = Guid.CreateVersion7(now),
                CrossingNumber = crossing,
                Lane = lane,
                ChangedBy = userId,
                ChangedAt = now,
                FromStatus = from,
                FromReason = current?.Reason,
                FromSince = current?.Since,
                FromExpectedReopening = current?.ExpectedReopening,
                ToStatus = next!.Value,
                ToReason = reason,
                ToSince = since,
                ToExpectedReopening = expectedReopening,
                ClosureId = closureId,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (current is null && own is not null)
            {
                // Another first change of this lane committed meanwhile: decide again from what it left.
                await own.RollbackAsync(cancellationToken);
                await own.DisposeAsync();
                own = null;
                db.ChangeTracker.Clear();
                return await Apply(crossing, lane, action, reason, since, expectedReopening, userId, closureId, cancellationToken);
            }
            // The platform's audit log, in the same transaction: who, when, before and after.
            await audit.Append(new AuditLog.Event(userId, "lane.status", "lane", $"{crossing}/{lane}",
                current is null ? null : new { Status = from, current.Reason, current.Since, current.ExpectedReopening },
                new { Status = next.Value, Reason = reason, Since = since, ExpectedReopening = expectedReopening, ClosureId = closureId }), cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return new Changed(next.Value);
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public Task<bool> LaneExists(string port, string? crossing, LaneType lane, CancellationToken cancellationToken) =>
        db.CrossingLanes.AnyAsync(l => l.CrossingNumber == crossing && l.Type == lane && db.Crossings.Any(c => c.Number == crossing && c.PortCode == port), cancellationToken);
}
