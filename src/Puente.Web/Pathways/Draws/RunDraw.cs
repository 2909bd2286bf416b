using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Domain.Ports;
using Puente.Web.Database;
using Puente.Web.Messaging;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// Runs a date's draw once its window has closed: reveal, allocation, then Appointments books the
/// selected (with their passes), all in one transaction. The first statement claims the date (Announced → Drawn), so a second instance
/// waits on that row and then finds nothing to do; a crash rolls everything back, and running
/// again recomputes the same results from the same stored secret and entries.
/// When the announcement named a beacon round, the draw waits for it (fetched before the transaction,
/// so no row is held during a network call) until the deadline, then runs without it and says so.
/// </summary>
internal sealed partial class RunDraw(
    PuenteDb db, TimeProvider clock, NotifyDrawResults notify, PublishedAnnouncements announcements, BookAppointments book,
    FetchBeaconRound fetchBeacon, IOptions<BeaconOptions> beaconOptions, ILogger<RunDraw> logger)
{
    public abstract record Outcome;
    public sealed record Drawn(DateOnly ServiceDate, bool RanNow) : Outcome;
    public sealed record NotAnnounced(DateOnly ServiceDate) : Outcome;
    public sealed record WindowStillOpen(DateOnly ServiceDate, DateTimeOffset ClosesAt) : Outcome;

    /// <summary>The window has closed, but the announced round is not yet published, or has not been
    /// fetched and <paramref name="GivesUpAt"/> has not come; run again later.</summary>
    public sealed record AwaitingBeacon(DateOnly ServiceDate, DrawBeaconRound Round, DateTimeOffset RoundAt, DateTimeOffset GivesUpAt) : Outcome;

    public async Task<Outcome> Handle(DateOnly serviceDate, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var day = await db.DrawDays.AsNoTracking().FirstOrDefaultAsync(d => d.ServiceDate == serviceDate, cancellationToken);
        if (day is null)
        {
            return new NotAnnounced(serviceDate);
        }
        var (drawn, alreadyDrawn) = DrawDayTransitions.Apply(day.Status, DrawDayAction.Draw);
        if (alreadyDrawn is not null)
        {
            return new Drawn(serviceDate, RanNow: false);
        }
        if (now < day.ClosesAt)
        {
            return new WindowStillOpen(serviceDate, day.ClosesAt);
        }
        var announcement = announcements.Of(day);
        var (beacon, waiting) = await Beacon(day, announcement, now, cancellationToken);
        if (waiting is not null)
        {
            return waiting;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.DrawDays
            .Where(d => d.ServiceDate == serviceDate && d.Status == day.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, drawn!.Value).SetProperty(d => d.DrawnAt, now), cancellationToken);
        if (claimed == 0)
        {
            return new Drawn(serviceDate, RanNow: false);
        }

        var started = clock.GetTimestamp();
        // Read once with the applicants' contacts: the same rows are decided and told below.
        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.ServiceDate == serviceDate && r.Status == RequestStatus.Entered)
            .Join(db.Users, r => r.ApplicantUserId, u => u.Id, (r, u) => new
            {
                r.Id, r.Ticket, r.RegisteredOn, r.Size, r.Ports, r.ApplicantUserId, r.ReenterUntilSelected, u.Email, u.PhoneNumber, u.PreferredLanguage,
            })
            .ToListAsync(cancellationToken);
        var entries = requests.Select(r => new DrawEntry(r.Ticket, r.RegisteredOn, r.Size, r.Ports.Split(','))).ToList();
        var problems = DrawInputValidator.Validate(announcement, entries);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Draw {serviceDate} has invalid input: {string.Join("; ", problems)}");
        }

        var loaded = clock.GetTimestamp();
        var secret = Convert.FromHexString(day.Secret);
        var entriesDigest = DrawDigests.EntriesDigest(entries);
        var seed = DrawDigests.Seed(secret, serviceDate, entriesDigest, beacon!.RevealValue);
        var results = DrawAllocator.Allocate(announcement, entries, seed);
        var resultsDigest = DrawDigests.ResultsDigest(results);
        var bundle = new DrawBundle(announcement, entries.OrderBy(e => e.Ticket, StringComparer.Ordinal).ToList(), entriesDigest,
            new DrawReveal(day.Secret, beacon.RevealValue), Convert.ToHexStringLower(seed), results, resultsDigest, beacon);

        var allocated = clock.GetTimestamp();
        var byTicket = requests.ToDictionary(r => r.Ticket, StringComparer.Ordinal);
        var appointments = await book.Handle(serviceDate, results.Select(result =>
        {
            var request = byTicket[result.Ticket];
            return new BookAppointments.Selection(result, request.Id, request.ApplicantUserId, request.Size);
        }).ToList(), cancellationToken);

        var booked = clock.GetTimestamp();
        // Every entered request is decided: the selected first, then all the others of the date.
        var selected = RequestTransitions.Next(RequestStatus.Entered, RequestAction.Select);
        var decisions = 0;
        foreach (var chunk in appointments.Select(a => a.RequestId).Chunk(500))
        {
            decisions += await db.Requests.Where(r => chunk.Contains(r.Id) && r.Status == RequestStatus.Entered)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, selected), cancellationToken);
        }
        var notSelected = RequestTransitions.Next(RequestStatus.Entered, RequestAction.NotSelect);
        decisions += await db.Requests
            .Where(r => r.ServiceDate == serviceDate && r.Status == RequestStatus.Entered)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, notSelected), cancellationToken);
        // The loaded requests are the ones told; if any changed meanwhile, nothing is kept and the draw runs again.
        if (decisions != requests.Count)
        {
            throw new InvalidOperationException($"Draw {serviceDate} loaded {requests.Count} entered requests but decided {decisions}.");
        }

        var decided = clock.GetTimestamp();
        await notify.Handle(serviceDate, requests.Select(r => new NotifyDrawResults.Decided(
            r.Id, r.Ticket, r.ReenterUntilSelected, new Contact(r.Email, r.PhoneNumber, r.PreferredLanguage))).ToList(), appointments, cancellationToken);
        var notified = clock.GetTimestamp();

        var stored = await db.DrawDays.FirstAsync(d => d.ServiceDate == serviceDate, cancellationToken);
        stored.Beacon = beacon.RevealValue;
        stored.BeaconStatus = beacon.Status;
        stored.BeaconReason = beacon.Reason;
        stored.EntriesDigest = entriesDigest;
        stored.Seed = bundle.Seed;
        stored.ResultsDigest = resultsDigest;
        stored.Bundle = DrawBundleJson.Serialize(bundle);
        stored.EntryCount = entries.Count;
        stored.PersonCount = entries.Sum(e => e.Size);
        stored.SelectedCount = results.Count;
        stored.SelectedPersonCount = appointments.Sum(a => a.GroupSize);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var (loadMs, allocateMs, bookMs) = (Milliseconds(started, loaded), Milliseconds(loaded, allocated), Milliseconds(allocated, booked));
        var (decideMs, notifyMs, storeMs) = (Milliseconds(booked, decided), Milliseconds(decided, notified), Milliseconds(notified, clock.GetTimestamp()));
        StepsTaken(logger, serviceDate, entries.Count, loadMs, allocateMs, bookMs, decideMs, notifyMs, storeMs);
        return new Drawn(serviceDate, RanNow: true);
    }

    private long Milliseconds(long from, long to) => (long)clock.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>Where a draw's time went, for operators sizing a big day (see docs/benchmarks/big-day.md).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message =
        "Draw for {ServiceDate}: {Entries} entries; load {LoadMs} ms, allocate {AllocateMs} ms, book {BookMs} ms, " +
        "decide requests {DecideMs} ms, queue messages {NotifyMs} ms, store bundle and commit {StoreMs} ms.")]
    private static partial void StepsTaken(ILogger logger, DateOnly serviceDate, int entries, long loadMs, long allocateMs, long bookMs,
        long decideMs, long notifyMs, long storeMs);

    /// <summary>What the draw does about the beacon now: use the announced round, give up on it after
    /// the deadline, or wait (before the round's time, or while the relay fails within the deadline).</summary>
    private async Task<(DrawBeaconReport? Report, AwaitingBeacon? Waiting)> Beacon(
        DrawDayRecord day, DrawAnnouncement announcement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (announcement.Beacon is not { } named)
        {
            return (DrawBeaconReport.NotConfigured, null);
        }
        var roundAt = day.BeaconRoundAt ?? day.ClosesAt;
        var waiting = new AwaitingBeacon(day.ServiceDate, named, roundAt, roundAt + beaconOptions.Value.Deadline);
        if (now < roundAt)
        {
            return (null, waiting);
        }
        return await fetchBeacon.Handle(named, cancellationToken) switch
        {
            FetchBeaconRound.Fetched fetched => (DrawBeaconReport.Used(named, fetched.Beacon), null),
            FetchBeaconRound.Failed failed when now >= waiting.GivesUpAt => (DrawBeaconReport.Unavailable(named, failed.Reason), null),
            _ => (null, waiting),
        };
    }
}
