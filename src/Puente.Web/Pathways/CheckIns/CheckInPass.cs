using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Passes;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Domain.Ports;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Passes;

namespace Puente.Web.Pathways.CheckIns;

/// <summary>An officer reads a pass at the port: every check, then (when confirming) one atomic mark.</summary>
internal sealed class CheckInPass(PuenteDb db, TimeProvider clock)
{
    public sealed record Admission(
        string PassId, string Port, DateOnly ServiceDate, string Slot, int GroupSize, IReadOnlyList<PassTraveller> Travellers,
        AppointmentStatus Status, DateTimeOffset? CheckedInAt);

    /// <summary>Why a pass is refused, with the values its text names; pages and the API translate by
    /// <see cref="Kind"/> (for <see cref="Refusals.NotBooked"/>, the appointment's status is the first argument).</summary>
    public sealed record Refusal(Refusals Kind, IReadOnlyList<string> Arguments);

    public enum Refusals
    {
        InvalidSignature,
        OtherPort,
        OtherDate,
        UnknownPass,
        AlreadyUsed,
        NotBooked,

        /// <summary>The appointment moved (a closure) and this pass was replaced by a new one.</summary>
        Replaced,
    }

    public abstract record Outcome;
    public sealed record Admitted(Admission Admission) : Outcome;
    public sealed record Refused(Refusal Refusal) : Outcome;

    public async Task<Outcome> Handle(string? token, string officerUserId, bool confirm, CancellationToken cancellationToken = default)
    {
        var keys = (await SigningKeys.Published(db, cancellationToken)).ToDictionary(k => k.Kid, SigningKeys.PublicKey);
        PassVerification verification;
        try
        {
            verification = PassToken.Verify(token, keys);
        }
        finally
        {
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }
        }
        if (verification.Claims is not { } claims)
        {
            return Refuse(Refusals.InvalidSignature);
        }

        // Scoped in the query: a port the officer is not assigned to looks exactly like an unknown one.
        var port = await db.OfficerPorts
            .Where(o => o.UserId == officerUserId && o.PortCode == claims.Port)
            .Join(db.Ports, o => o.PortCode, p => p.Code, (_, p) => new { p.Code, p.Name, p.TimeZone })
            .FirstOrDefaultAsync(cancellationToken);
        if (port is null)
        {
            return Refuse(Refusals.OtherPort, claims.Port);
        }

        var now = clock.GetUtcNow();
        var today = PortCalendar.Today(now, port.TimeZone);
        if (claims.ServiceDate != today)
        {
            return Refuse(Refusals.OtherDate, IsoDates.Write(claims.ServiceDate), IsoDates.Write(today));
        }

        var appointment = await db.Passes
            .Where(p => p.PassId == claims.PassId)
            .Join(db.Appointments, p => p.AppointmentId, a => a.Id, (p, a) => new { a.Id, a.Status, a.CheckedInAt, a.PortCode, p.RevokedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (appointment is null || (appointment.PortCode != claims.Port && appointment.RevokedAt is null))
        {
            return Refuse(Refusals.UnknownPass);
        }
        if (appointment.RevokedAt is not null)
        {
            return Refuse(Refusals.Replaced);
        }
        var (next, rejected) = AppointmentTransitions.Apply(appointment.Status, AppointmentAction.CheckIn);
        if (rejected is not null)
        {
            return Rejected(rejected, appointment.CheckedInAt);
        }
        if (!confirm)
        {
            return Admit(claims, appointment.Status, null);
        }

        // The status condition makes the mark atomic: of two simultaneous check-ins, one updates a row. The place
        // condition does the same against a closure moving the appointment (and replacing this pass) meanwhile.
        var changed = await db.Appointments
            .Where(a => a.Id == appointment.Id && a.Status == AppointmentStatus.Booked
                && a.PortCode == claims.Port && a.ServiceDate == claims.ServiceDate && a.SlotStart == claims.Slot)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, next!.Value)
                .SetProperty(a => a.CheckedInAt, now)
                .SetProperty(a => a.CheckedInBy, officerUserId), cancellationToken);
        if (changed == 1)
        {
            return Admit(claims, next!.Value, now);
        }
        var winner = await db.Appointments.Where(a => a.Id == appointment.Id)
            .Select(a => new { a.Status, a.CheckedInAt }).FirstAsync(cancellationToken);
        if (winner.Status == AppointmentStatus.Booked)
        {
            return Refuse(Refusals.Replaced);
        }
        return Rejected(AppointmentTransitions.Apply(winner.Status, AppointmentAction.CheckIn).Rejected!, winner.CheckedInAt);

        Outcome Rejected(TransitionRejected<AppointmentStatus, AppointmentAction> rejection, DateTimeOffset? checkedInAt)
        {
            if (rejection.From == AppointmentStatus.CheckedIn && checkedInAt is { } at)
            {
                var local = PortCalendar.LocalTime(at, port.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                return Refuse(Refusals.AlreadyUsed, $"{port.Name} ({port.Code})", local);
            }
            return Refuse(Refusals.NotBooked, rejection.From.ToString());
        }
    }

    private static Refused Refuse(Refusals kind, params string[] arguments) => new(new Refusal(kind, arguments));

    private static Admitted Admit(PassClaims claims, AppointmentStatus status, DateTimeOffset? checkedInAt) =>
        new(new Admission(
            claims.PassId, claims.Port, claims.ServiceDate, claims.Slot, claims.GroupSize,
            claims.Travellers, status, checkedInAt));
}
