using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Draws;
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

    // Ids per statement: well under every provider's parameter limit.
    private const int Chunk = 500;

    /// <summary>A lane closed over a range of the port's dates; <see cref="ClosureId"/> is null for a preview.</summary>
    public sealed record Closure(Guid? ClosureId, string PortCode, string CrossingNumber, LaneType Lane, DateOnly FirstDate, DateOnly LastDate, LaneReason Reason);

    /// <summary>Groups and persons sent to one port by one rule; a null port counts those left unplaced.</summary>
    public sealed record Destination(string? Port, RebookingRule? Rule, int Groups, int Persons);

    public sealed record Summary(int Affected, int Rebooked, int Unplaced, IReadOnlyList<Destination> Destinations);

    private sealed record Affected(
        Guid Id, Guid RequestId, string ApplicantUserId, string Ticket, int Phase, int GroupSize, string PortCode, DateOnly ServiceDate,
        string SlotStart, DateOnly RegisteredOn, string Ports, DateOnly DrawDate);

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
        var groups = await Groups(affected, cancellationToken);
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
            placements = await Apply(closureId, closure.PortCode, closure.Reason, placements, byId, names, zones, now, cancellationToken);
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
        var affected = await db.Appointments.AsNoTracking()
            .Where(a => a.PortCode == closure.PortCode && a.ServiceDate >= closure.FirstDate && a.ServiceDate <= closure.LastDate
                && a.Status == AppointmentStatus.Booked)
            .Join(db.Requests, a => a.RequestId, r => r.Id, (a, r) => new Affected(
                a.Id, a.RequestId, a.ApplicantUserId, a.Ticket, a.Phase, a.GroupSize, a.PortCode, a.ServiceDate, a.SlotStart, r.RegisteredOn, r.Ports, r.ServiceDate))
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

    private async Task<List<RebookingGroup>> Groups(List<Affected> affected, CancellationToken cancellationToken)
    {
        // A few reads by chunk, the rest in memory: a NOT IN over thousands of request ids is what a
        // database does slowly (SQLite looks each parameter up by name).
        var requestIds = affected.Select(a => a.RequestId).ToHashSet();
        var people = new List<(Guid RequestId, string Key)>();
        foreach (var chunk in requestIds.Chunk(Chunk))
        {
            people.AddRange((await db.RequestTravellers.AsNoTracking().Where(t => chunk.Contains(t.RequestId))
                .Select(t => new { t.RequestId, t.EntryKey }).ToListAsync(cancellationToken)).Select(t => (t.RequestId, t.EntryKey)));
        }
        // Dates on which a traveller already holds another request or appointment.
        var others = new List<(Guid RequestId, string Key, DateOnly Date)>();
        foreach (var chunk in people.Select(p => p.Key).Distinct().Chunk(Chunk))
        {
            others.AddRange((await db.RequestTravellers.AsNoTracking().Where(t => chunk.Contains(t.EntryKey))
                .Select(t => new { t.RequestId, t.EntryKey, t.ServiceDate }).ToListAsync(cancellationToken))
                .Where(t => !requestIds.Contains(t.RequestId)).Select(t => (t.RequestId, t.EntryKey, t.ServiceDate)));
        }
        var appointed = new Dictionary<Guid, DateOnly>();
        foreach (var chunk in others.Select(o => o.RequestId).Distinct().Chunk(Chunk))
        {
            foreach (var a in await db.Appointments.AsNoTracking().Where(a => chunk.Contains(a.RequestId) && a.Status != AppointmentStatus.Cancelled)
                .Select(a => new { a.RequestId, a.ServiceDate }).ToListAsync(cancellationToken))
            {
                appointed.TryAdd(a.RequestId, a.ServiceDate);
            }
        }
        var taken = others.Select(o => (o.Key, o.Date))
            .Concat(others.Where(o => appointed.ContainsKey(o.RequestId)).Select(o => (o.Key, appointed[o.RequestId])));
        var keysByRequest = people.ToLookup(p => p.RequestId, p => p.Key);
        var takenByKey = taken.ToLookup(t => t.Key, t => t.Item2);
        return affected.Select(a =>
        {
            var keys = keysByRequest[a.RequestId].ToList();
            return new RebookingGroup(a.Id, a.GroupSize, a.ServiceDate, a.Ports.Split(','), keys,
                keys.SelectMany(k => takenByKey[k]).ToHashSet());
        }).ToList();
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
        var statuses = await db.DrawDays.AsNoTracking().Where(d => dates.Contains(d.ServiceDate))
            .ToDictionaryAsync(d => d.ServiceDate, d => d.Status, cancellationToken);
        var closures = await ClosedPorts.OfAppointmentLanes(db).AsNoTracking()
            .Where(c => c.FirstDate <= dates.Max() && c.LastDate >= dates.Min())
            .Select(c => new { c.PortCode, c.FirstDate, c.LastDate, c.ReopenedOn })
            .ToListAsync(cancellationToken);
        foreach (var date in dates)
        {
            var eligible = statuses.TryGetValue(date, out var status)
                ? status == DrawStatus.Drawn
                : window.OpensAt(date) - options.Value.AnnounceLead > now + TimeSpan.FromHours(1);
            if (!eligible || date < today)
            {
                continue;
            }
            var closedThatDay = closures
                .Where(c => c.FirstDate <= date && c.LastDate >= date && (c.ReopenedOn is null || c.ReopenedOn > date))
                .Select(c => c.PortCode)
                .ToHashSet();
            if (closure.FirstDate <= date && closure.LastDate >= date)
            {
                closedThatDay.Add(closure.PortCode);
            }
            var booked = await schedule.Booked(date, cancellationToken);
            foreach (var port in (await schedule.Capacity(date, cancellationToken)).Where(p => ports.Contains(p.Code) && !closedThatDay.Contains(p.Code)))
            {
                foreach (var slot in port.Slots)
                {
                    room.Add(port.Code, date, slot.Start, slot.Capacity - booked.GetValueOrDefault((port.Code, slot.Start)));
                }
            }
        }
    }

    /// <summary>
    /// Makes the planned moves with one conditional update per destination slot and date they left from
    /// (still booked, still at the closed port that date), so a check-in or a cancellation that got there
    /// first wins and its group is left alone; then records every decision once, with the new passes and
    /// the messages, each kind written set-based.
    /// </summary>
    private async Task<IReadOnlyList<RebookingPlacement>> Apply(
        Guid closureId, string closedPort, LaneReason reason, IReadOnlyList<RebookingPlacement> placements, Dictionary<Guid, Affected> byId,
        Dictionary<string, string> names, Dictionary<string, string> zones, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earlier = new Dictionary<Guid, AppointmentMoveRecord>();
        foreach (var chunk in placements.Select(p => p.Id).Chunk(Chunk))
        {
            foreach (var move in await db.AppointmentMoves.Where(m => m.ClosureId == closureId && chunk.Contains(m.AppointmentId)).ToListAsync(cancellationToken))
            {
                earlier[move.AppointmentId] = move;
            }
        }
        var contacts = new Dictionary<string, Contact>(StringComparer.Ordinal);
        foreach (var chunk in byId.Values.Select(a => a.ApplicantUserId).Distinct().Chunk(Chunk))
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.PhoneNumber, u.PreferredLanguage }).ToListAsync(cancellationToken))
            {
                contacts[u.Id] = new Contact(u.Email, u.PhoneNumber, u.PreferredLanguage);
            }
        }

        var started = clock.GetTimestamp();
        var movedIds = new HashSet<Guid>();
        foreach (var target in placements.Where(p => p.To is not null)
            .GroupBy(p => (From: byId[p.Id].ServiceDate, p.To!.Port, p.To.Date, p.To.Slot)))
        {
            var (from, port, date, slot) = target.Key;
            var startsAt = PortCalendar.SlotStartsAt(date, SlotTime.Parse(slot), zones[port]);
            foreach (var chunk in target.Select(p => p.Id).Chunk(Chunk))
            {
                var changed = await db.Appointments
                    .Where(a => chunk.Contains(a.Id) && a.Status == AppointmentStatus.Booked && a.PortCode == closedPort && a.ServiceDate == from)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(a => a.PortCode, port)
                        .SetProperty(a => a.ServiceDate, date)
                        .SetProperty(a => a.SlotStart, slot)
                        .SetProperty(a => a.SlotStartsAt, startsAt), cancellationToken);
                // Fewer rows than ids: a check-in or cancellation came first for some; those are where they were.
                movedIds.UnionWith(changed == chunk.Length ? chunk : await db.Appointments
                    .Where(a => chunk.Contains(a.Id) && a.PortCode == port && a.ServiceDate == date && a.SlotStart == slot)
                    .Select(a => a.Id).ToListAsync(cancellationToken));
            }
        }

        var updated = clock.GetTimestamp();
        var made = new List<RebookingPlacement>(placements.Count);
        var moved = new List<AppointmentRecord>(movedIds.Count);
        var moves = new List<AppointmentMoveRecord>(placements.Count);
        var messages = new List<OutboxMessageRecord>(placements.Count);
        var movedTexts = new RenderedOnce<(string, string, DateOnly, string, DateOnly, string)>();
        var notMovedTexts = new RenderedOnce<(string, string, DateOnly)>();
        void Tell(Contact contact, Func<OutgoingMessage> message)
        {
            if (enqueue.For(contact, message) is { } record)
            {
                messages.Add(record);
            }
        }
        foreach (var placement in placements)
        {
            var from = byId[placement.Id];
            var contact = contacts[from.ApplicantUserId];
            if (placement.To is not { } to)
            {
                if (!earlier.ContainsKey(from.Id))
                {
                    moves.Add(Move(closureId, from, null, now));
                    Tell(contact, () => notMovedTexts.For((contact.Language, from.PortCode, from.ServiceDate), from.Ticket,
                        ticket => templates.AppointmentNotMoved(contact.Language, reason.ToString(), names[from.PortCode], from.ServiceDate, ticket)));
                }
                made.Add(placement);
                continue;
            }
            if (!movedIds.Contains(from.Id))
            {
                continue;
            }
            moved.Add(new AppointmentRecord
            {
                Id = from.Id, RequestId = from.RequestId, ApplicantUserId = from.ApplicantUserId, Ticket = from.Ticket,
                ServiceDate = to.Date, PortCode = to.Port, SlotStart = to.Slot, SlotStartsAt = PortCalendar.SlotStartsAt(to.Date, SlotTime.Parse(to.Slot), zones[to.Port]),
                Phase = from.Phase, GroupSize = from.GroupSize, Status = AppointmentStatus.Booked,
            });
            if (earlier.TryGetValue(from.Id, out var unplaced))
            {
                unplaced.ToPort = to.Port;
                unplaced.ToDate = to.Date;
                unplaced.ToSlot = to.Slot;
                unplaced.Rule = to.Rule;
                unplaced.DecidedAt = now;
            }
            else
            {
                moves.Add(Move(closureId, from, to, now));
            }
            Tell(contact, () => movedTexts.For((contact.Language, from.PortCode, from.ServiceDate, to.Port, to.Date, to.Slot), from.Ticket,
                ticket => templates.AppointmentMoved(contact.Language, reason.ToString(), names[from.PortCode], from.ServiceDate, names[to.Port], to.Date, to.Slot, ticket)));
            made.Add(placement);
        }
        var told = clock.GetTimestamp();
        await passes.Reissue(moved, cancellationToken);
        var reissued = clock.GetTimestamp();
        await BulkInsert.Rows(db, moves, cancellationToken: cancellationToken);
        await BulkInsert.Rows(db, messages, cancellationToken: cancellationToken);
        // Only the earlier unplaced decisions that now found room are tracked, and saved here.
        await db.SaveChangesAsync(cancellationToken);
        var (moveMs, tellMs) = (Milliseconds(started, updated), Milliseconds(updated, told));
        var (passesMs, writeMs) = (Milliseconds(told, reissued), Milliseconds(reissued, clock.GetTimestamp()));
        StepsApplied(logger, closedPort, moved.Count, moveMs, tellMs, passesMs, writeMs);
        return made;
    }

    private long Milliseconds(long from, long to) => (long)clock.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>Where a closure's planning time went, for operators sizing a big closure (see docs/benchmarks/ports.md).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message =
        "Rebooking for {Port}: {Affected} affected; read appointments and groups {ReadMs} ms, read room {RoomMs} ms, plan {PlanMs} ms.")]
    private static partial void StepsPlanned(ILogger logger, string port, int affected, long readMs, long roomMs, long planMs);

    /// <summary>Where the moves' time went (see docs/benchmarks/ports.md).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message =
        "Rebooking from {Port}: {Moved} moved; move appointments {MoveMs} ms, build moves and messages {TellMs} ms, " +
        "reissue passes {PassesMs} ms, write moves and messages {WriteMs} ms.")]
    private static partial void StepsApplied(ILogger logger, string port, int moved, long moveMs, long tellMs, long passesMs, long writeMs);

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
