using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Passes;
using Puente.Web.Database;
using Puente.Web.Pathways.Capacity;

namespace Puente.Api.Tests.Ports;

/// <summary>Closures for tests that need one to exist.</summary>
internal static class Closures
{
    /// <summary>San Ysidro's PedWest closed in January 2027 (no appointments then), by its officer; returns the closure's id.</summary>
    public static async Task<Guid> CloseLater(PuenteApp app)
    {
        var officer = await app.ClientFor(Bookings.Officer);
        var response = await officer.PostAsJsonAsync("/api/ports/2504/closures",
            new { crossing = "250407", lane = "pedestrian", from = "2027-01-10", to = "2027-01-12", reason = "maintenance" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }
}

public sealed class ClosuresApiTests
{
    private static readonly DateOnly DrawDate = new(2026, 12, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object PedWest(string from, string to) =>
        new { crossing = "250407", lane = "pedestrian", from, to, reason = "staffRedeployed" };

    [Fact]
    public async Task Closing_the_crossing_that_holds_a_ports_appointments_rebooks_every_one_within_capacity_and_a_second_run_changes_nothing()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(database: database);
        _ = app.Services;
        var simulate = await PuenteCli.Invoke(database, "demo", "simulate", "--date", "2026-12-01", "--applicants", "700", "--seed", "11");
        Assert.True(simulate.ExitCode == 0, simulate.Error + simulate.Output);
        // A real applicant's group at San Ysidro today, so the message and the old pass can be followed.
        var mine = await Bookings.Book(app);
        var oldToken = await Bookings.Token(app, mine);
        var atSanYsidro = await Count(app, a => a.PortCode == "2504" && a.Status == AppointmentStatus.Booked
            && a.ServiceDate >= Bookings.Today && a.ServiceDate <= DrawDate);
        Assert.True(atSanYsidro > 10, $"only {atSanYsidro} groups at San Ysidro");
        var officer = await app.ClientFor(Bookings.Officer);
        var before = await Snapshot(app);

        var preview = await officer.PostAsJsonAsync("/api/ports/2504/closures?preview=true", PedWest("2026-11-29", "2026-12-01"), Ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewed = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(atSanYsidro, previewed.GetProperty("affected").GetInt32());
        Assert.Equal(before, await Snapshot(app));

        var closed = await officer.PostAsJsonAsync("/api/ports/2504/closures", PedWest("2026-11-29", "2026-12-01"), Ct);

        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        var closure = await closed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(atSanYsidro, closure.GetProperty("affected").GetInt32());
        Assert.Equal(0, closure.GetProperty("unplaced").GetInt32());
        Assert.Equal(atSanYsidro, closure.GetProperty("rebooked").GetInt32());
        Assert.Equal(previewed.GetProperty("destinations").GetRawText(), closure.GetProperty("destinations").GetRawText());
        var id = closure.GetProperty("id").GetGuid();
        var fetched = await (await officer.GetAsync($"/api/closures/{id}", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(atSanYsidro, fetched.GetProperty("rebooked").GetInt32());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            Assert.False(await db.Appointments.AnyAsync(a => a.PortCode == "2504" && a.ServiceDate >= Bookings.Today && a.ServiceDate <= DrawDate
                && a.Status == AppointmentStatus.Booked, Ct));
            await AssertNoSlotOverCapacity(db, scope.ServiceProvider.GetRequiredService<DailySchedule>());
            var moves = await db.AppointmentMoves.AsNoTracking().Where(m => m.ClosureId == id).ToListAsync(Ct);
            foreach (var move in moves)
            {
                var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == move.AppointmentId, Ct);
                Assert.Equal((move.ToPort, move.ToDate, move.ToSlot), (appointment.PortCode, appointment.ServiceDate, appointment.SlotStart));
                var live = await db.Passes.AsNoTracking().SingleAsync(p => p.AppointmentId == appointment.Id && p.RevokedAt == null, Ct);
                var claims = PassToken.ReadClaims(live.Token);
                Assert.Equal((appointment.PortCode, appointment.ServiceDate, appointment.SlotStart), (claims.Port, claims.ServiceDate, claims.Slot));
                Assert.Equal(1, await db.Passes.CountAsync(p => p.AppointmentId == appointment.Id && p.RevokedAt != null, Ct));
                if (move.Rule == Puente.Domain.Ports.Closures.RebookingRule.PreferredPort)
                {
                    var ports = await db.Requests.Where(r => r.Id == appointment.RequestId).Select(r => r.Ports).SingleAsync(Ct);
                    Assert.Contains(move.ToPort!, ports.Split(','));
                }
            }
            // The real applicant was told, in their language, with the reason.
            var message = await db.Outbox.AsNoTracking().Where(m => m.Recipient == Bookings.Applicant).OrderBy(m => m.CreatedAt).LastAsync(Ct);
            Assert.Contains("reasignado", message.Body, StringComparison.Ordinal);
            Assert.Contains("San Ysidro", message.Body, StringComparison.Ordinal);
        }

        // The old pass is refused at the port, on its own day.
        var refused = await Bookings.CheckIn(officer, oldToken);
        Assert.Equal("checkins.replaced", (await Bookings.AssertProblemDocument(refused, 409)).GetProperty("code").GetString());

        var afterFirst = await Snapshot(app);
        var again = await officer.PostAsJsonAsync("/api/ports/2504/closures", PedWest("2026-11-29", "2026-12-01"), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
        Assert.Equal(afterFirst, await Snapshot(app));

        // Reopening moves nobody back.
        var reopened = await officer.PostAsync($"/api/closures/{id}/reopen", null, Ct);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(afterFirst.Appointments, (await Snapshot(app)).Appointments);

        // The closure and its reopening are in the audit log, once each, under the officer's name.
        await using var auditScope = app.Services.CreateAsyncScope();
        var audit = auditScope.ServiceProvider.GetRequiredService<PuenteDb>();
        var officerId = await audit.Users.Where(u => u.Email == Bookings.Officer).Select(u => u.Id).SingleAsync(Ct);
        var entries = await audit.AuditEntries.AsNoTracking().Where(e => e.EntityType == "closure" && e.EntityId == id.ToString())
            .OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Actor }).ToListAsync(Ct);
        Assert.Equal([("closure.created", officerId), ("closure.reopened", officerId)], entries.Select(e => (e.Action, e.Actor)));
    }

    [Fact]
    public async Task A_closed_date_is_not_offered_by_the_next_draw()
    {
        await using var app = new PuenteApp();
        var officer = await app.ClientFor(Bookings.Officer);
        var closed = await officer.PostAsJsonAsync("/api/ports/2504/closures", PedWest("2026-12-01", "2026-12-03"), Ct);
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);

        await new PathwaysDriver(app).Announce(DrawDate);

        var draw = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/draws/2026-12-01", Ct);
        // Eight ports of 180 places each, less San Ysidro's.
        Assert.Equal(7 * 180, draw.GetProperty("capacity").GetInt32());
        var occupancy = await officer.GetFromJsonAsync<JsonElement>("/api/ports/2504/occupancy/2026-12-01", Ct);
        Assert.True(occupancy.GetProperty("closed").GetBoolean());
    }

    [Fact]
    public async Task A_checkin_racing_a_closure_either_admits_the_group_where_it_was_or_is_refused_with_the_group_moved_never_both()
    {
        var hold = new HoldBeforeMove();
        await using var app = new PuenteApp(interceptors: [hold]);
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        var officer = await app.ClientFor(Bookings.Officer);
        var colleague = await app.ClientFor(Bookings.Officer);
        Task<HttpResponseMessage>? checkIn = null;
        // The check-in starts once the closure has read the appointment as booked, and races its move.
        hold.Run = () =>
        {
            checkIn = Bookings.CheckIn(colleague, token);
            return Task.CompletedTask;
        };

        var closed = await officer.PostAsJsonAsync("/api/ports/2504/closures", PedWest("2026-11-29", "2026-11-29"), Ct);
        var checkedIn = await checkIn!;

        Assert.True(hold.Ran);
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        var stored = await Bookings.Read(app, id);
        var closure = await closed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await using var scope = app.Services.CreateAsyncScope();
        var revoked = await scope.ServiceProvider.GetRequiredService<PuenteDb>().Passes.CountAsync(p => p.RevokedAt != null, Ct);
        if (checkedIn.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal((AppointmentStatus.CheckedIn, "2504", Bookings.Today), (stored.Status, stored.PortCode, stored.ServiceDate));
            Assert.Equal((0, 0), (closure.GetProperty("rebooked").GetInt32(), revoked));
        }
        else
        {
            Assert.Equal("checkins.replaced", (await Bookings.AssertProblemDocument(checkedIn, 409)).GetProperty("code").GetString());
            Assert.Equal(AppointmentStatus.Booked, stored.Status);
            Assert.NotEqual(Bookings.Today, stored.ServiceDate);
            Assert.Equal((1, 1), (closure.GetProperty("rebooked").GetInt32(), revoked));
        }
    }

    [Fact]
    public async Task A_closure_that_moves_an_appointment_between_a_checkins_reading_and_its_mark_makes_the_checkin_refuse_the_old_pass()
    {
        var hold = new HoldBeforeCheckInMark();
        await using var app = new PuenteApp(interceptors: [hold]);
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        var officer = await app.ClientFor(Bookings.Officer);
        HttpResponseMessage? closed = null;
        hold.Run = async () => closed = await (await app.ClientFor(Bookings.Officer)).PostAsJsonAsync("/api/ports/2504/closures", PedWest("2026-11-29", "2026-11-29"), Ct);

        var checkIn = await Bookings.CheckIn(officer, token);

        Assert.True(hold.Ran);
        Assert.Equal(HttpStatusCode.Created, closed!.StatusCode);
        Assert.Equal("checkins.replaced", (await Bookings.AssertProblemDocument(checkIn, 409)).GetProperty("code").GetString());
        var stored = await Bookings.Read(app, id);
        Assert.Equal(AppointmentStatus.Booked, stored.Status);
        Assert.NotEqual(Bookings.Today, stored.ServiceDate);
    }

    [Fact]
    public async Task The_december_2023_closures_are_history_with_their_local_times()
    {
        await using var app = new PuenteApp();
        var analyst = await app.ClientFor("analyst@puente.test");

        var history = await analyst.GetFromJsonAsync<JsonElement>("/api/ports/2602/status/history", Ct);

        var lukeville = history.EnumerateArray().Where(c => c.GetProperty("lane").GetString() == "passengerVehicle").ToList();
        Assert.Equal(["open", "closed"], lukeville.Select(c => c.GetProperty("toStatus").GetString()));
        Assert.Equal("2024-01-04T06:00:00-07:00", lukeville[0].GetProperty("since").GetString());
        Assert.Equal("2023-12-04T00:00:00-07:00", lukeville[1].GetProperty("since").GetString());
        Assert.Equal("staffRedeployed", lukeville[1].GetProperty("toReason").GetString());
        var rail = await analyst.GetFromJsonAsync<JsonElement>("/api/ports/2402/status/history", Ct);
        Assert.Contains(rail.EnumerateArray(), c => c.GetProperty("since").GetString() == "2023-12-22T12:00:00-07:00");
    }

    [Fact]
    public async Task Officers_change_only_their_ports_lanes_and_every_change_is_kept_with_who_and_before()
    {
        await using var app = new PuenteApp();
        var officer = await app.ClientFor(Bookings.Officer);

        var restrict = await officer.PostAsJsonAsync("/api/ports/2504/status",
            new { crossing = "250401", lane = "passengerVehicle", action = "restrict", reason = "reducedLanes", expectedReopening = "2026-12-05" }, Ct);
        var reopenOpen = await officer.PostAsJsonAsync("/api/ports/2504/status", new { crossing = "250407", lane = "pedestrian", action = "open" }, Ct);
        var elsewhere = await officer.PostAsJsonAsync("/api/ports/2503/status", new { crossing = "250302", lane = "pedestrian", action = "close", reason = "security" }, Ct);
        var wrongReason = await officer.PostAsJsonAsync("/api/ports/2504/status", new { crossing = "250407", lane = "pedestrian", action = "close", reason = "reducedHours" }, Ct);

        Assert.Equal(HttpStatusCode.OK, restrict.StatusCode);
        Assert.Equal("ports.transition-refused", (await Bookings.AssertProblemDocument(reopenOpen, 409)).GetProperty("code").GetString());
        await Bookings.AssertProblemDocument(elsewhere, 404);
        await Bookings.AssertProblemDocument(wrongReason, 400);
        var status = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2504/status", Ct);
        var lane = status.GetProperty("crossings").EnumerateArray().Single(c => c.GetProperty("number").GetString() == "250401")
            .GetProperty("lanes").EnumerateArray().Single(l => l.GetProperty("type").GetString() == "passengerVehicle");
        Assert.Equal("restricted", lane.GetProperty("status").GetString());
        Assert.Equal("2026-12-05T00:00:00-08:00", lane.GetProperty("expectedReopening").GetString());
        var history = await officer.GetFromJsonAsync<JsonElement>("/api/ports/2504/status/history", Ct);
        var change = Assert.Single(history.EnumerateArray(), c => c.GetProperty("crossing").GetString() == "250401");
        Assert.Equal(Bookings.Officer, change.GetProperty("changedBy").GetString());
        Assert.Equal(("open", "restricted"), (change.GetProperty("fromStatus").GetString(), change.GetProperty("toStatus").GetString()));
    }

    private sealed record State(string Appointments, int Passes, int Messages);

    private static async Task<State> Snapshot(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var rows = await db.Appointments.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.PortCode, a.ServiceDate, a.SlotStart, a.Status }).ToListAsync(Ct);
        return new State(string.Join(';', rows.Select(r => $"{r.Id}{r.PortCode}{r.ServiceDate}{r.SlotStart}{r.Status}")),
            await db.Passes.CountAsync(Ct), await db.Outbox.CountAsync(Ct));
    }

    private static async Task<int> Count(PuenteApp app, System.Linq.Expressions.Expression<Func<Puente.Web.Pathways.Appointments.AppointmentRecord, bool>> where)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().Appointments.CountAsync(where, Ct);
    }

    private static async Task AssertNoSlotOverCapacity(PuenteDb db, DailySchedule schedule)
    {
        var dates = await db.Appointments.Select(a => a.ServiceDate).Distinct().ToListAsync(Ct);
        foreach (var date in dates)
        {
            var capacity = (await schedule.Capacity(date, Ct)).SelectMany(p => p.Slots.Select(s => ((p.Code, s.Start), s.Capacity))).ToDictionary();
            foreach (var (slot, persons) in await schedule.Booked(date, Ct))
            {
                // Test-made bookings on today have no draw behind them; every slot a draw or a closure filled stays within capacity.
                Assert.True(persons <= capacity.GetValueOrDefault(slot, persons), $"{slot} on {date}: {persons} > {capacity.GetValueOrDefault(slot)}");
            }
        }
    }

    /// <summary>Runs something once, just before the closure's first move of an appointment.</summary>
    private sealed class HoldBeforeMove : Hold
    {
        protected override bool Matches(DbCommand command) =>
            command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            && command.CommandText.Contains("appointments", StringComparison.Ordinal)
            && command.CommandText.Contains("SlotStartsAt", StringComparison.Ordinal);
    }

    /// <summary>Runs something once, just before a check-in's mark.</summary>
    private sealed class HoldBeforeCheckInMark : Hold
    {
        protected override bool Matches(DbCommand command) =>
            command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            && command.CommandText.Contains("appointments", StringComparison.Ordinal)
            && command.CommandText.Contains("CheckedInBy", StringComparison.Ordinal);
    }

    private abstract class Hold : DbCommandInterceptor
    {
        private int ran;

        public Func<Task>? Run { get; set; }

        public bool Ran => Volatile.Read(ref ran) == 1;

        protected abstract bool Matches(DbCommand command);

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Run is not null && Matches(command) && Interlocked.Exchange(ref ran, 1) == 0)
            {
                await Run();
            }
            return result;
        }
    }
}
