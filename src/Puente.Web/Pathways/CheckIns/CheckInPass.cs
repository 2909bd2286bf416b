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

/// <summary>
/// An officer reads a pass at the port: every check, then the booth manifest (who the group really is,
/// from the registration, not from the pass), then (when confirming who is present) one atomic mark.
/// </summary>
internal sealed class CheckInPass(PuenteDb db, BoothManifest manifests, TimeProvider clock)
{
    public sealed record Admission(
        string PassId, string Port, DateOnly ServiceDate, string Slot, int GroupSize, IReadOnlyList<PassTraveller> Travellers,
        AppointmentStatus Status, DateTimeOffset? CheckedInAt, IReadOnlyList<BoothManifest.Entry> Manifest);

    /// <summary>Why a pass is refused, with the values its text names; pages and the API translate by
    /// <see cref="Kind"/> (for <see cref="Refusals.NotBooked"/>, the appointment's status is the first argument).
    /// <see cref="At"/>, when there is one, is the last value: an instant the reader sees in the port's zone.</summary>
    public sealed record Refusal(Refusals Kind, IReadOnlyList<string> Arguments, PortMoment? At = null)
    {
        /// <summary>The values the refusal's text names, the instant written in the reader's words.</summary>
        public string[] TextArguments(LocalTimes times) =>
            At is { } at ? [.. Arguments, times.Moment(at.Instant, at.TimeZone)] : [.. Arguments];
    }

    /// <summary>An instant and the zone of the port where it happened.</summary>
    public sealed record PortMoment(DateTimeOffset Instant, string TimeZone);

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
        /// <summary>Someone in the group was already admitted today with another pass; the argument names them.</summary>
        IdentityAlreadyAdmitted,
        /// <summary>Confirmed with nobody marked present, or someone not in the group.</summary>
        NobodyPresent,
    }

    public abstract record Outcome;
    public sealed record Admitted(Admission Admission) : Outcome;
    public sealed record Refused(Refusal Refusal) : Outcome;

    /// <param name="present">On confirming, the travellers the officer saw; null admits the whole group
    /// (the offline booth's queued check-ins, confirmed on the device).</param>
    public async Task<Outcome> Handle(
        string? token, string officerUserId, bool confirm, IReadOnlyCollection<Guid>? present = null, CancellationToken cancellationToken = default)
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
            .Join(db.Appointments, p => p.AppointmentId, a => a.Id, (p, a) => new { a.Id, a.RequestId, a.Status, a.CheckedInAt, a.PortCode, p.RevokedAt })
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
        var group = await Group(appointment.RequestId, claims.ServiceDate, cancellationToken);
        var manifest = group.Select(g => g.Entry).ToList();
        if (!confirm)
        {
            return Admit(claims, appointment.Status, null, manifest);
        }
        var admitted = present is null ? group : group.Where(g => present.Contains(g.Entry.TravellerId)).ToList();
        if (admitted.Count == 0 || (present is not null && present.Any(id => group.All(g => g.Entry.TravellerId != id))))
        {
            return Refuse(Refusals.NobodyPresent);
        }

        // The status condition makes the mark atomic: of two simultaneous check-ins, one updates a row. The place
        // condition does the same against a closure moving the appointment (and replacing this pass) meanwhile.
        // The identities admitted are written next; one already admitted today (with another pass) undoes the
        // mark. The mark is not held open in a transaction meanwhile, so a colleague's scan never waits on it.
        var changed = await db.Appointments
            .Where(a => a.Id == appointment.Id && a.Status == AppointmentStatus.Booked
                && a.PortCode == claims.Port && a.ServiceDate == claims.ServiceDate && a.SlotStart == claims.Slot)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, next!.Value)
                .SetProperty(a => a.CheckedInAt, now)
                .SetProperty(a => a.CheckedInBy, officerUserId), cancellationToken);
        if (changed == 1)
        {
            db.TravellerCheckIns.AddRange(admitted.Select(g => new TravellerCheckInRecord
            {
                ServiceDate = claims.ServiceDate, IdentityKey = g.IdentityKey, TravellerId = g.Entry.TravellerId,
                AppointmentId = appointment.Id, PortCode = claims.Port, CheckedInAt = now, OfficerUserId = officerUserId,
            }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Admit(claims, next!.Value, now, manifest);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await db.Appointments
                    .Where(a => a.Id == appointment.Id && a.Status == next!.Value && a.CheckedInBy == officerUserId && a.CheckedInAt == now)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(a => a.Status, AppointmentStatus.Booked)
                        .SetProperty(a => a.CheckedInAt, (DateTimeOffset?)null)
                        .SetProperty(a => a.CheckedInBy, (string?)null), cancellationToken);
                var identities = admitted.Select(g => g.IdentityKey).ToList();
                var taken = await db.TravellerCheckIns.Where(c => c.ServiceDate == claims.ServiceDate && identities.Contains(c.IdentityKey))
                    .Select(c => c.IdentityKey).ToListAsync(cancellationToken);
                return Refuse(Refusals.IdentityAlreadyAdmitted, string.Join(", ",
                    admitted.Where(g => taken.Contains(g.IdentityKey)).Select(g => $"{g.Entry.GivenNames} {g.Entry.FamilyNames}")));
            }
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
                return new Refused(new Refusal(Refusals.AlreadyUsed, [$"{port.Name} ({port.Code})"], new PortMoment(at, port.TimeZone)));
            }
            return Refuse(Refusals.NotBooked, rejection.From.ToString());
        }
    }

    private async Task<List<BoothManifest.Member>> Group(Guid requestId, DateOnly serviceDate, CancellationToken cancellationToken) =>
        (await manifests.Groups([requestId], serviceDate, cancellationToken)).GetValueOrDefault(requestId) ?? [];

    private static Refused Refuse(Refusals kind, params string[] arguments) => new(new Refusal(kind, arguments));

    private static Admitted Admit(PassClaims claims, AppointmentStatus status, DateTimeOffset? checkedInAt, IReadOnlyList<BoothManifest.Entry> manifest) =>
        new(new Admission(
            claims.PassId, claims.Port, claims.ServiceDate, claims.Slot, claims.GroupSize,
            claims.Travellers, status, checkedInAt, manifest));
}
