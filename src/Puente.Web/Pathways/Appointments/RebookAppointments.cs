using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Passes;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Closures;
using Puente.Domain.Ports.Status;
using Puente.Web.Database;
using Puente.Web.Messaging;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Pathways.Passes;
using Puente.Web.Ports.Closures;

namespace Puente.Web.Pathways.Appointments;

/// <summary>
/// Moves the booked appointments a closure covers, in draw order, by <see cref="RebookingPlan"/>: each
/// moved group gets a new pass (the old one revoked) and a message in its language. Runs in the caller's
/// transaction; the ports that can receive groups are locked first, so two closures never fill one slot twice.
/// </summary>
internal sealed partial class RebookAppointments(
    PuenteDb db, DailySchedule schedule, IssuePasses passes, EnqueueMessage enqueue, MessageTemplates templates,
    IOptions<PathwaysOptions> options, TimeProvider clock, ILogger<RebookAppointments> logger)
{
    /// <summary>How many days after a closure the same port is searched for a later date.</summary>
    public const int LaterDateHorizonDays = 60;

    /// <summary>A lane closed over a range of the port's dates; <see cref="ClosureId"/> is null for a preview.</summary>
    public sealed record Closure(Guid? ClosureId, string PortCode, string CrossingNumber, LaneType Lane, DateOnly FirstDate, DateOnly LastDate, LaneReason Reason);

    /// <summary>Groups and persons sent to one port by one rule; a null port counts those left unplaced.</summary>
    public sealed record Destination(string? Port, RebookingRule? Rule, int Groups, int Persons);

    public sealed record Summary(int Affected, int Rebooked, int Unplaced, IReadOnlyList<Destination> Destinations);

    private sealed record Affected(
        Guid Id, Guid RequestId, string ApplicantUserId, string Ticket, int Phase, int GroupSize, string PortCode, DateOnly ServiceDate,
        string SlotStart, DateOnly RegisteredOn, string Ports, DateOnly DrawDate, string? Email, string? Phone, string? Language)
    {
        public Contact Contact => new(Email, Phone, Language ?? "");
    }

    /// <summary>Plans the moves; with <paramref name="apply"/>, makes them (the caller commits).</summary>
    public async Task<Summary> Handle(Closure closure, bool apply, CancellationToken cancellationToken = default)
    {
        var ports = await db.Ports.AsNoTracking()
            .Where(p => p.AppointmentCrossing != null)
            .OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.Name, p.Latitude, p.Longitude, p.TimeZone, p.AppointmentCrossing, p.AppointmentLane })
            .ToListAsync(cancellationToken);
        var closed = ports.FirstOrDefault(p => p.Code == closure.PortCode);
        if (closed is null || closed.AppointmentCrossing != closure.CrossingNumber || closed.AppointmentLane != closure.Lane)
        {
            return new Summary(0, 0, 0, []);
        }
        if (apply)
        {
            // A no-op write on each receiving port's row, in code order: PostgreSQL holds the row locks and
            // SQLite the write lock until commit, so room read below cannot be taken by another closure meanwhile.
            foreach (var port in ports)
            {
                await db.Ports.Where(p => p.Code == port.Code).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, p => p.Name), cancellationToken);
            }
        }

        var started = clock.GetTimestamp();
        var affected = await AffectedInDrawOrder(closure, cancellationToken);
        var (groups, travellers) = await Groups(closure, affected, cancellationToken);
        var read = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var room = new RebookingRoom();
        var sameDates = affected.Select(a => a.ServiceDate).Distinct().ToList();
        var laterDates = Enumerable.Range(1, LaterDateHorizonDays).Select(d => closure.LastDate.AddDays(d)).ToList();
        var today = PortCalendar.Today(now, closed.TimeZone);
        await AddRoom(room, closure, ports.Select(p => p.Code).ToList(), sameDates, now, today, cancellationToken);
        await AddRoom(room, closure, [closure.PortCode], laterDates, now, today, cancellationToken);

        var roomRead = clock.GetTimestamp();
        var placements = RebookingPlan.Place(
            new RebookingPort(closed.Code, closed.Latitude, closed.Longitude),
            ports.Select(p => new RebookingPort(p.Code, p.Latitude, p.Longitude)).ToList(),
            groups, room, laterDates);

        var byId = affected.ToDictionary(a => a.Id);
        var (readMs, roomMs, planMs) = (Milliseconds(started, read), Milliseconds(read, roomRead), Milliseconds(roomRead, clock.GetTimestamp()));
        StepsPlanned(logger, closure.PortCode, affected.Count, readMs, roomMs, planMs);
        if (apply && closure.ClosureId is { } closureId)
        {
            var names = ports.ToDictionary(p => p.Code, p => p.Name);
            var zones = ports.ToDictionary(p => p.Code, p => p.TimeZone);
            placements = await Apply(closureId, closure.PortCode, closure.Reason, placements, byId, travellers, names, zones, now, cancellationToken);
        }

        var destinations = placements
            .GroupBy(p => (p.To?.Port, p.To?.Rule))
            .Select(g => new Destination(g.Key.Port, g.Key.Rule, g.Count(), g.Sum(p => byId[p.Id].GroupSize)))
            .OrderBy(d => d.Port is null).ThenBy(d => d.Rule).ThenBy(d => d.Port, StringComparer.Ordinal)
            .ToList();
        return new Summary(placements.Count, placements.Count(p => p.To is not null), placements.Count(p => p.To is null), destinations);
    }

    private async Task<List<Affected>> AffectedInDrawOrder(Closure closure, CancellationToken cancellationToken)
    {
        // The applicant's contact comes with each appointment (a missing account is told nothing), so the
        // messages need no read of their own.
        var affected = await (
            from a in BookedIn(closure)
            join r in db.Requests on a.RequestId equals r.Id
            from u in db.Users.Where(u => u.Id == a.ApplicantUserId).DefaultIfEmpty()
            select new Affected(a.Id, a.RequestId, a.ApplicantUserId, a.Ticket, a.Phase, a.GroupSize, a.PortCode, a.ServiceDate, a.SlotStart,
                r.RegisteredOn, r.Ports, r.ServiceDate, u.Email, u.PhoneNumber, u.PreferredLanguage))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var drawDates = affected.Select(a => a.DrawDate).Distinct().ToList();
        var seeds = await db.DrawDays.AsNoTracking()
            .Where(d => drawDates.Contains(d.ServiceDate) && d.Seed != null)
            .ToDictionaryAsync(d => d.ServiceDate, d => d.Seed!, cancellationToken);

        // Each date's groups in the order its draw reached them; earlier dates first.
        var ordered = new List<Affected>(affected.Count);
        foreach (var date in affected.GroupBy(a => a.ServiceDate).OrderBy(g => g.Key))
        {
            foreach (var draw in date.GroupBy(a => a.DrawDate).OrderBy(g => g.Key))
            {
                var byTicket = draw.ToDictionary(a => a.Ticket, StringComparer.Ordinal);
                var selections = draw.Select(a => new RankedSelection(a.Ticket, a.Phase, a.RegisteredOn)).ToList();
                // Appointments without a published seed (none are booked that way by the draw) keep phase, then ticket, order.
                var ranked = seeds.TryGetValue(draw.Key, out var seed)
                    ? DrawRanking.Order(Convert.FromHexString(seed), selections)
                    : selections.OrderBy(s => s.Phase).ThenBy(s => s.Ticket, StringComparer.Ordinal).ToList();
                ordered.AddRange(ranked.Select(r => byTicket[r.Ticket]));
            }
        }
        return ordered;
    }

    /// <summary>The appointments a closure covers, as they are now: booked at its port on one of its dates.</summary>
    private IQueryable<AppointmentRecord> BookedIn(Closure closure) => db.Appointments.AsNoTracking()
        .Where(a => a.PortCode == closure.PortCode && a.ServiceDate >= closure.FirstDate && a.ServiceDate <= closure.LastDate
            && a.Status == AppointmentStatus.Booked);

    /// <summary>Each affected group with the dates its travellers hold elsewhere, and each request's travellers as a pass shows them.</summary>
    private async Task<(List<RebookingGroup> Groups, Dictionary<Guid, IReadOnlyList<PassTraveller>> Travellers)> Groups(
        Closure closure, List<Affected> affected, CancellationToken cancellationToken)
    {
        // Two statements, not a read per chunk of ids: the affected travellers' entry keys, then every other request
        // holding one of those keys with its appointment, if any. The keys are joined
        // as a list (see ValueList), which both databases look up by hash, without an index on the key.
        // The travellers' names come along for the new passes.
        var people = await (
            from a in BookedIn(closure)
            join t in db.RequestTravellers on a.RequestId equals t.RequestId
            join p in db.Travellers on t.TravellerId equals p.Id
            select new { t.EntryKey, Person = new IssuePasses.Person(t.RequestId, p.GivenNames, p.FamilyNames, p.BirthDate, p.IsApplicant) })
            .ToListAsync(cancellationToken);
        // The affected requests themselves are left out by the database, so only other requests come back.
        var keys = ValueList.Of(db, people.Select(p => p.EntryKey).Distinct().ToArray());
        var affectedRequests = ValueList.Of(db, affected.Select(a => a.RequestId).ToArray(), "affected_requests");
        var others = await (
            from o in db.RequestTravellers.AsNoTracking().Where(o => keys.Contains(o.EntryKey) && !affectedRequests.Contains(o.RequestId))
            from x in db.Appointments.Where(x => x.RequestId == o.RequestId && x.Status != AppointmentStatus.Cancelled).DefaultIfEmpty()
            select new { o.EntryKey, o.ServiceDate, Appointed = (DateOnly?)x.ServiceDate })
            .ToListAsync(cancellationToken);
        var keysByRequest = people.ToLookup(p => p.Person.RequestId, p => p.EntryKey);
        // Dates on which a traveller already holds another request or appointment.
        var takenByKey = others
            .SelectMany(o => o.Appointed is { } appointed ? [(o.EntryKey, o.ServiceDate), (o.EntryKey, appointed)] : new[] { (o.EntryKey, o.ServiceDate) })
            .ToLookup(t => t.EntryKey, t => t.Item2);
        var groups = affected.Select(a =>
        {
            var travellers = keysByRequest[a.RequestId].ToList();
            return new RebookingGroup(a.Id, a.GroupSize, a.ServiceDate, a.Ports.Split(','), travellers,
                travellers.SelectMany(k => takenByKey[k]).ToHashSet());
        }).ToList();
        return (groups, IssuePasses.ByRequest(people.Select(p => p.Person)));
    }

    /// <summary>
    /// Room at each port on each date that may receive groups: not in the past, not closed, and either
    /// drawn already or not yet about to be announced (an announced draw has published its capacity).
    /// </summary>
    private async Task AddRoom(RebookingRoom room, Closure closure, IReadOnlyList<string> ports, List<DateOnly> dates, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        if (dates.Count == 0)
        {
            return;
        }
        var window = options.Value.Window;
        var (first, last) = (dates.Min(), dates.Max());
        var statuses = await db.DrawDays.AsNoTracking().Where(d => d.ServiceDate >= first && d.ServiceDate <= last)
            .ToDictionaryAsync(d => d.ServiceDate, d => d.Status, cancellationToken);
        var closures = await ClosedPorts.OfAppointmentLanes(db).AsNoTracking()
            .Where(c => c.FirstDate <= last && c.LastDate >= first)
            .Select(c => new { c.PortCode, c.FirstDate, c.LastDate, c.ReopenedOn })
            .ToListAsync(cancellationToken);
        var eligible = dates.Where(date => date >= today && (statuses.TryGetValue(date, out var status)
            ? status == DrawStatus.Drawn
            : window.OpensAt(date) - options.Value.AnnounceLead > now + TimeSpan.FromHours(1))).ToList();
        if (eligible.Count == 0)
        {
            return;
        }
        // Capacity and bookings of every eligible date in two statements, not two per date.
        var booked = await schedule.Booked(eligible.Min(), eligible.Max(), cancellationToken);
        var capacity = await schedule.Capacity(eligible.Min(), eligible.Max(), cancellationToken);
        foreach (var date in eligible)
        {
            var closedThatDay = closures
                .Where(c => c.FirstDate <= date && c.LastDate >= date && (c.ReopenedOn is null || c.ReopenedOn > date))
                .Select(c => c.PortCode)
                .ToHashSet();
            if (closure.FirstDate <= date && closure.LastDate >= date)
            {
                closedThatDay.Add(closure.PortCode);
            }
            foreach (var port in capacity[date].Where(p => ports.Contains(p.Code) && !closedThatDay.Contains(p.Code)))
            {
                foreach (var slot in port.Slots)
                {
                    room.Add(port.Code, date, slot.Start, slot.Capacity - booked.GetValueOrDefault((date, port.Code, slot.Start)));
                }
            }
        }
    }

    /// <summary>
    /// Makes the planned moves set-based (<see cref="MoveBookedAppointments"/>: each only while still booked at the
    /// closed port on its date, so a check-in or a cancellation that got there first wins and its group is left
    /// alone); then records every decision once, with the new passes and the messages, each kind written
    /// set-based, the passes signed while the moves and messages are written. The records and texts are built on
    /// another core while the database moves the appointments; those of a group that did not move are dropped.
    /// </summary>
    private async Task<IReadOnlyList<RebookingPlacement>> Apply(
        Guid closureId, string closedPort, LaneReason reason, IReadOnlyList<RebookingPlacement> placements, Dictionary<Guid, Affected> byId,
        Dictionary<Guid, IReadOnlyList<PassTraveller>> travellers, Dictionary<string, string> names, Dictionary<string, string> zones, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        // Earlier decisions of this closure for these appointments (those left unplaced then): one statement.
        var ids = ValueList.Of(db, placements.Select(p => p.Id).ToArray());
        var earlier = await db.AppointmentMoves.Where(m => m.ClosureId == closureId && ids.Contains(m.AppointmentId))
            .ToDictionaryAsync(m => m.AppointmentId, cancellationToken);

        var startsAt = new Dictionary<(string Port, DateOnly Date, string Slot), DateTimeOffset>();
        var planned = new List<AppointmentMove>(placements.Count);
        foreach (var placement in placements)
        {
            if (placement.To is { } to)
            {
                if (!startsAt.TryGetValue((to.Port, to.Date, to.Slot), out var instant))
                {
                    startsAt[(to.Port, to.Date, to.Slot)] = instant = PortCalendar.SlotStartsAt(to.Date, SlotTime.Parse(to.Slot), zones[to.Port]);
                }
                planned.Add(new AppointmentMove(placement.Id, byId[placement.Id].ServiceDate, to.Port, to.Date, to.Slot, instant));
            }
        }
        var building = Task.Run(() => Decisions(closureId, reason, placements, planned, byId, earlier, names, now), cancellationToken);
        HashSet<Guid> movedIds;
        long updated;
        try
        {
            movedIds = await MoveBookedAppointments.Handle(db, closedPort, planned, cancellationToken);
            updated = clock.GetTimestamp();
        }
        finally
        {
            // The records and texts are built from this call's own data: they end before it returns, whatever the move did.
            await ((Task)building).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var decisions = await building;
        var built = clock.GetTimestamp();

        var made = new List<RebookingPlacement>(placements.Count);
        var moved = new List<AppointmentRecord>(movedIds.Count);
        var moves = new List<AppointmentMoveRecord>(placements.Count);
        var messages = new List<OutboxMessageRecord>(placements.Count);
        foreach (var decision in decisions)
        {
            if (decision.Moved is { } appointment)
            {
                if (!movedIds.Contains(appointment.Id))
                {
                    continue;
                }
                moved.Add(appointment);
                if (earlier.TryGetValue(appointment.Id, out var unplaced))
                {
                    var to = decision.Placement.To!;
                    (unplaced.ToPort, unplaced.ToDate, unplaced.ToSlot, unplaced.Rule, unplaced.DecidedAt) = (to.Port, to.Date, to.Slot, to.Rule, now);
                }
            }
            if (decision.Move is { } move)
            {
                moves.Add(move);
            }
            if (decision.Message is { } message)
            {
                messages.Add(message);
            }
            made.Add(decision.Placement);
        }
        var told = clock.GetTimestamp();
        await passes.Reissue(moved, travellers, async () =>
        {
            await BulkInsert.Rows(db, moves, cancellationToken: cancellationToken);
            await BulkInsert.Rows(db, messages, cancellationToken: cancellationToken);
            // Only the earlier unplaced decisions that now found room are tracked, and saved here.
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        var (moveMs, waitMs, writeMs) = (Milliseconds(started, updated), Milliseconds(updated, built), Milliseconds(told, clock.GetTimestamp()));
        StepsApplied(logger, closedPort, moved.Count, moveMs, waitMs, writeMs);
        return made;
    }

    /// <summary>
    /// What one placement leaves if its group moves (or, unplaced, as it stands): the appointment at its new place, the
    /// decision's row (none when an earlier run of the closure recorded it already; a placed one then updates that row)
    /// and the message to the applicant.
    /// </summary>
    private sealed record Decision(RebookingPlacement Placement, AppointmentRecord? Moved, AppointmentMoveRecord? Move, OutboxMessageRecord? Message);

    /// <summary>Every placement's records and message, in the plan's order; runs beside the move, so it reads only what it is given.</summary>
    private List<Decision> Decisions(Guid closureId, LaneReason reason, IReadOnlyList<RebookingPlacement> placements, List<AppointmentMove> planned,
        Dictionary<Guid, Affected> byId, Dictionary<Guid, AppointmentMoveRecord> earlier, Dictionary<string, string> names, DateTimeOffset now)
    {
        var decisions = new List<Decision>(placements.Count);
        var movedTexts = new RenderedOnce<(string, string, DateOnly, string, DateOnly, string)>();
        var notMovedTexts = new RenderedOnce<(string, string, DateOnly)>();
        var next = 0;
        foreach (var placement in placements)
        {
            var from = byId[placement.Id];
            var contact = from.Contact;
            if (placement.To is not { } to)
            {
                decisions.Add(earlier.ContainsKey(from.Id)
                    ? new Decision(placement, null, null, null)
                    : new Decision(placement, null, Move(closureId, from, null, now), enqueue.For(contact, () => notMovedTexts.For(
                        (contact.Language, from.PortCode, from.ServiceDate), from.Ticket,
                        ticket => templates.AppointmentNotMoved(contact.Language, reason.ToString(), names[from.PortCode], from.ServiceDate, ticket)))));
                continue;
            }
            var move = planned[next++];
            var appointment = new AppointmentRecord
            {
                Id = from.Id, RequestId = from.RequestId, ApplicantUserId = from.ApplicantUserId, Ticket = from.Ticket,
                ServiceDate = to.Date, PortCode = to.Port, SlotStart = to.Slot, SlotStartsAt = move.StartsAt,
                Phase = from.Phase, GroupSize = from.GroupSize, Status = AppointmentStatus.Booked,
            };
            decisions.Add(new Decision(placement, appointment, earlier.ContainsKey(from.Id) ? null : Move(closureId, from, to, now),
                enqueue.For(contact, () => movedTexts.For((contact.Language, from.PortCode, from.ServiceDate, to.Port, to.Date, to.Slot), from.Ticket,
                    ticket => templates.AppointmentMoved(contact.Language, reason.ToString(), names[from.PortCode], from.ServiceDate, names[to.Port], to.Date, to.Slot, ticket)))));
        }
        return decisions;
    }

    private long Milliseconds(long from, long to) => (long)clock.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>Where a closure's planning time went, for operators sizing a big closure (see docs/benchmarks/ports.md).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message =
        "Rebooking for {Port}: {Affected} affected; read appointments and groups {ReadMs} ms, read room {RoomMs} ms, plan {PlanMs} ms.")]
    private static partial void StepsPlanned(ILogger logger, string port, int affected, long readMs, long roomMs, long planMs);

    /// <summary>Where the moves' time went (see docs/benchmarks/ports.md).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message =
        "Rebooking from {Port}: {Moved} moved; read earlier decisions and move appointments {MoveMs} ms, then waited for the moves and messages " +
        "built meanwhile {WaitMs} ms, reissue passes and write moves and messages {WriteMs} ms.")]
    private static partial void StepsApplied(ILogger logger, string port, int moved, long moveMs, long waitMs, long writeMs);

    private static AppointmentMoveRecord Move(Guid closureId, Affected from, RebookingDestination? to, DateTimeOffset now) => new()
    {
        ClosureId = closureId,
        AppointmentId = from.Id,
        Persons = from.GroupSize,
        FromPort = from.PortCode,
        FromDate = from.ServiceDate,
        FromSlot = from.SlotStart,
        ToPort = to?.Port,
        ToDate = to?.Date,
        ToSlot = to?.Slot,
        Rule = to?.Rule,
        DecidedAt = now,
    };
}
