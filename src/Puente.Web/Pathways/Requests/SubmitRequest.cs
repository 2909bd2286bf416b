using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Pathways.Requests;

/// <summary>
/// An applicant's one request for a service date. The moment of submission plays no part in the
/// draw, so there is nothing to gain by hurrying; the ticket is random and says nothing about the person.
/// </summary>
internal sealed class SubmitRequest(PuenteDb db, TimeProvider clock, IOptions<PathwaysOptions> options, PublishedAnnouncements announcements,
    SessionCheck sessions, SubmissionBatches batches)
{
    /// <summary>The longest Idempotency-Key kept; the column holds no more.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    public sealed record Command(
        DateOnly? ServiceDate,
        IReadOnlyList<string>? Ports,
        IReadOnlyList<Guid>? Travellers,
        bool ReenterUntilSelected = false);

    public abstract record Outcome;
    public sealed record Submitted(RequestReceipt Receipt, bool Created) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;
    /// <summary>The account's contact is not verified yet (<see cref="Registration.VerifyContact"/>).</summary>
    public sealed record Unverified : Outcome;
    public sealed record WindowNotOpen(DateOnly ServiceDate, DateTimeOffset OpensAt, DateTimeOffset ClosesAt) : Outcome;
    /// <summary>Refused by another request for the date; <see cref="Code"/> is a <see cref="ProblemCodes"/> value.</summary>
    public sealed record Conflict(string Code, IReadOnlyList<string> Arguments) : Outcome;

    /// <summary>The key already named another request of this applicant (other date, ports, travellers
    /// or choice to re-enter): answering with that request's receipt would hide that this one was not made.</summary>
    public sealed record KeyReused(DateOnly EarlierServiceDate) : Outcome;

    /// <summary>The bearer token's security stamp is no longer the account's (<see cref="SessionCheck.Pending"/>): nothing was read or stored.</summary>
    public sealed record SessionEnded : Outcome;

    /// <param name="session">A bearer token's stamp left to this use case by <see cref="SessionCheck"/>: compared with the
    /// account's in the same round trip that reads the applicant, before anything is answered or stored.</param>
    public async Task<Outcome> Handle(string applicantUserId, Command command, string? idempotencyKey, SessionCheck.Pending? session = null,
        CancellationToken cancellationToken = default)
    {
        var errors = ValidateShape(command, idempotencyKey);
        if (errors.Count > 0)
        {
            if (session is not null && !sessions.Confirmed(session, await SessionCheck.StampOf(db, session.UserId, cancellationToken)))
            {
                return new SessionEnded();
            }
            return idempotencyKey is not null && await Existing(applicantUserId, idempotencyKey, cancellationToken) is { } replayed
                ? Replay(replayed, command)
                : new Invalid(errors);
        }
        var serviceDate = command.ServiceDate!.Value;
        var travellerIds = command.Travellers!.Distinct().ToList();

        // Everything the decision needs about this applicant and date, read with the other submissions waiting;
        // the day's window and announcement come from memory when the stamp read here matches the one kept.
        var found = await batches.Read(new(applicantUserId, serviceDate, idempotencyKey, travellerIds), cancellationToken);
        if (session is not null && !sessions.Confirmed(session, found?.SecurityStamp))
        {
            return new SessionEnded();
        }
        if (found is { Earlier: true } && await Existing(applicantUserId, idempotencyKey!, cancellationToken) is { } earlier)
        {
            return Replay(earlier, command);
        }
        if (found is not { Verified: true })
        {
            return new Unverified();
        }
        var now = clock.GetUtcNow();
        var day = found.DayStamp is { } stamp ? await announcements.Day(db, serviceDate, stamp, cancellationToken) : null;
        if (day is null || found.DayStatus != DrawStatus.Announced || now < day.OpensAt || now >= day.ClosesAt)
        {
            var window = options.Value.Window;
            return new WindowNotOpen(serviceDate, day?.OpensAt ?? window.OpensAt(serviceDate), day?.ClosesAt ?? window.ClosesAt(serviceDate));
        }

        var ports = command.Ports!.Select(p => p.Trim()).ToList();
        var notOffered = ports.Where(p => !day.OfferedPorts.Contains(p)).ToList();
        if (notOffered.Count > 0)
        {
            return new Invalid([new FieldError("ports", FieldCodes.PortsNotOffered,
                IsoDates.Write(serviceDate), string.Join(", ", notOffered), string.Join(", ", day.OfferedPorts.Order(StringComparer.Ordinal)))]);
        }
        if (found.RegisteredOn is not { } registeredOn || found.Travellers.Count != travellerIds.Count)
        {
            return new Invalid([new FieldError("travellers", FieldCodes.TravellersNotYours)]);
        }

        var request = AppointmentRequestRecord.Enter(
            applicantUserId, serviceDate, registeredOn, string.Join(',', ports),
            found.Travellers, command.ReenterUntilSelected, now, idempotencyKey);
        try
        {
            await batches.Insert(request, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A unique index refused the row: find out which rule, without a check-then-insert race.
            return await ExplainConflict(applicantUserId, command, travellerIds, idempotencyKey, cancellationToken);
        }
        return new Submitted(new RequestReceipt(request.Id, request.Ticket, serviceDate, ports, request.Size, travellerIds,
            request.RegisteredOn, request.Status, request.ReenterUntilSelected, now), Created: true);
    }

    private async Task<RequestReceipt?> Existing(string applicantUserId, string idempotencyKey, CancellationToken cancellationToken) =>
        (await db.Requests.AsNoTracking()
            .Where(r => r.ApplicantUserId == applicantUserId && r.IdempotencyKey == idempotencyKey)
            .Select(RequestReceipt.Row)
            .FirstOrDefaultAsync(cancellationToken))?.ToReceipt();

    /// <summary>A retry repeats its request exactly (the IETF Idempotency-Key draft's rule); the same key
    /// with another body is refused rather than answered with a receipt for something else.</summary>
    private static Outcome Replay(RequestReceipt earlier, Command command)
    {
        var same = command.ServiceDate == earlier.ServiceDate
            && (command.Ports ?? []).Select(p => p.Trim()).SequenceEqual(earlier.Ports)
            && (command.Travellers ?? []).Distinct().Order().SequenceEqual(earlier.Travellers.Order())
            && command.ReenterUntilSelected == earlier.ReenterUntilSelected;
        return same ? new Submitted(earlier, Created: false) : new KeyReused(earlier.ServiceDate);
    }

    private async Task<Outcome> ExplainConflict(string applicantUserId, Command command, List<Guid> travellerIds, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && await Existing(applicantUserId, idempotencyKey, cancellationToken) is { } earlier)
        {
            return Replay(earlier, command);
        }
        var serviceDate = command.ServiceDate!.Value;
        if (await db.Requests.AnyAsync(r => r.ServiceDate == serviceDate && r.StandingApplicantUserId == applicantUserId, cancellationToken))
        {
            return new Conflict(ProblemCodes.AlreadyRequested, [IsoDates.Write(serviceDate)]);
        }
        // A traveller's document is already entered for the date by another account. The answer is the
        // same whoever holds it and names no one; the collision is kept for review.
        var keys = await db.Travellers.Where(t => travellerIds.Contains(t.Id)).Select(t => t.EntryKey).ToListAsync(cancellationToken);
        var taken = await db.RequestTravellers
            .Where(rt => rt.ServiceDate == serviceDate && keys.Contains(rt.EntryKey))
            .Select(rt => rt.EntryKey)
            .ToListAsync(cancellationToken);
        db.EntryCollisions.AddRange(taken.Select(key => new EntryCollisionRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), ServiceDate = serviceDate, EntryKey = key,
            RefusedApplicantUserId = applicantUserId, OccurredAt = clock.GetUtcNow(),
        }));
        await db.SaveChangesAsync(cancellationToken);
        return new Conflict(ProblemCodes.EntryTaken, [IsoDates.Write(serviceDate)]);
    }

    private static readonly DateOnly EarliestServiceDate = new(2000, 1, 1);
    private static readonly DateOnly LatestServiceDate = new(2999, 12, 31);

    private static List<FieldError> ValidateShape(Command command, string? idempotencyKey)
    {
        var errors = new List<FieldError>();
        if (command.ServiceDate is not { } date)
        {
            errors.Add(new("serviceDate", FieldCodes.ServiceDateRequired));
        }
        else if (date < EarliestServiceDate || date > LatestServiceDate)
        {
            // A window is computed from the date; at the ends of the calendar that arithmetic has no answer.
            errors.Add(new("serviceDate", FieldCodes.ServiceDateOutOfRange, IsoDates.Write(EarliestServiceDate), IsoDates.Write(LatestServiceDate)));
        }
        if (!PortPreferences.AreValid(command.Ports))
        {
            errors.Add(new("ports", FieldCodes.PortsChoice, PortPreferences.Max.ToString(CultureInfo.InvariantCulture)));
        }
        if (command.Travellers is null || command.Travellers.Count == 0)
        {
            errors.Add(new("travellers", FieldCodes.TravellersRequired));
        }
        if (idempotencyKey is { Length: 0 or > MaxIdempotencyKeyLength })
        {
            errors.Add(new("Idempotency-Key", FieldCodes.IdempotencyKeyLength, MaxIdempotencyKeyLength.ToString(CultureInfo.InvariantCulture)));
        }
        return errors;
    }
}
