using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Passes;
using Puente.Web.Database;
using Puente.Web.Pathways.Passes;

namespace Puente.Api.Tests.Pathways.Passes;

/// <summary>
/// The statements that take thousands of ids at once (old passes revoked, travellers read for new passes, earlier
/// decisions and other requests read by a rebooking) run many times in one process. PostgreSQL plans a prepared
/// statement generically after five runs; here every statement is planned generically from the start, and each
/// plan is shown to the test, which refuses one that compares every row with an array of ids.
/// </summary>
public sealed partial class RebookedPassesTests
{
    private static readonly DateOnly LastClosedDate = Bookings.Today.AddDays(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rebooked_passes_revoked_and_reissued_many_times_in_one_process_leave_one_live_pass_each_and_no_id_array_scanned_per_row()
    {
        var plans = new GenericPlans();
        await using var app = new PuenteApp(interceptors: [plans]);
        // Six bookings: six passes issued, each reading its travellers.
        var booked = new List<Guid>();
        for (var day = 0; day < 6; day++)
        {
            booked.Add(await Bookings.Book(app, Bookings.Today.AddDays(day)));
        }
        var officer = await app.ClientFor(Bookings.Officer);

        var closed = await officer.PostAsJsonAsync("/api/ports/2504/closures",
            new { crossing = "250407", lane = "pedestrian", from = "2026-11-29", to = "2026-12-04", reason = "maintenance" }, Ct);

        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        Assert.Equal(6, (await closed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rebooked").GetInt32());
        await AssertOneLivePassWhereEachIs(app, booked, revokedEach: 1);

        // Six more reissues of the same passes, as six closures in a row would make them.
        for (var run = 2; run <= 7; run++)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
                await using var transaction = await db.Database.BeginTransactionAsync(Ct);
                await Reissue(scope, booked, () => Task.CompletedTask);
                await transaction.CommitAsync(Ct);
            }
            await AssertOneLivePassWhereEachIs(app, booked, revokedEach: run);
        }

        if (TestDatabase.UsesPostgres)
        {
            Assert.Contains(plans.Seen, p => p.Contains("\"RevokedAt\"", StringComparison.Ordinal));
            Assert.Contains(plans.Seen, p => p.Contains("\"EntryKey\"", StringComparison.Ordinal));
            var scanned = plans.Seen.Where(p => IdsScannedPerRow().IsMatch(p)).ToList();
            Assert.True(scanned.Count == 0, string.Join("\n\n", scanned));
        }
    }

    [Fact]
    public async Task A_reissue_whose_other_writes_fail_stops_its_signing_gives_the_failure_and_keeps_the_old_passes()
    {
        await using var app = new PuenteApp();
        var booked = new List<Guid>();
        for (var day = 0; day < 3; day++)
        {
            booked.Add(await Bookings.Book(app, Bookings.Today.AddDays(day)));
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                Reissue(scope, booked, () => throw new InvalidOperationException("the moves could not be written")));

            Assert.Equal("the moves could not be written", failure.Message);
        }

        await using var check = app.Services.CreateAsyncScope();
        var stored = check.ServiceProvider.GetRequiredService<PuenteDb>();
        foreach (var id in booked)
        {
            var pass = await stored.Passes.AsNoTracking().SingleAsync(p => p.AppointmentId == id, Ct);
            Assert.Null(pass.RevokedAt);
        }
    }

    /// <summary>Reissues the booked appointments' passes where they are now, in the scope's open transaction.</summary>
    private static async Task Reissue(AsyncServiceScope scope, List<Guid> booked, Func<Task> meanwhile)
    {
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var ids = ValueList.Of(db, booked);
        var appointments = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(Ct);
        var travellers = IssuePasses.ByRequest(await db.RequestTravellers
            .Join(db.Travellers, rt => rt.TravellerId, t => t.Id, (rt, t) => new IssuePasses.Person(rt.RequestId, t.GivenNames, t.FamilyNames, t.BirthDate, t.IsApplicant))
            .ToListAsync(Ct));
        await scope.ServiceProvider.GetRequiredService<IssuePasses>().Reissue(appointments, travellers, meanwhile, Ct);
    }

    private static async Task AssertOneLivePassWhereEachIs(PuenteApp app, List<Guid> booked, int revokedEach)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        foreach (var id in booked)
        {
            var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
            Assert.False(appointment.PortCode == "2504" && appointment.ServiceDate <= LastClosedDate, $"{id} still in the closure");
            var live = await db.Passes.AsNoTracking().SingleAsync(p => p.AppointmentId == id && p.RevokedAt == null, Ct);
            var claims = PassToken.ReadClaims(live.Token);
            Assert.Equal((appointment.PortCode, appointment.ServiceDate, appointment.SlotStart), (claims.Port, claims.ServiceDate, claims.Slot));
            Assert.Equal(revokedEach, await db.Passes.CountAsync(p => p.AppointmentId == id && p.RevokedAt != null, Ct));
        }
    }

    /// <summary>A plan node comparing an id or key column with an array parameter: each row searches the whole array.</summary>
    [GeneratedRegex("\"(Id|AppointmentId|RequestId|EntryKey)\" = ANY \\(\\$\\d+\\)")]
    private static partial Regex IdsScannedPerRow();

    /// <summary>
    /// On PostgreSQL, every connection the host opens plans generically (as a statement prepared and run five
    /// times does) and sends each statement's plan to the client (<c>auto_explain</c> at notice level).
    /// </summary>
    private sealed class GenericPlans : DbConnectionInterceptor
    {
        private readonly ConcurrentDictionary<NpgsqlConnection, bool> listening = new();

        public ConcurrentQueue<string> Seen { get; } = new();

        private const string Settings =
            "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_level = notice; SET plan_cache_mode = force_generic_plan;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (Listen(connection) is { } command)
            {
                using (command)
                {
                    command.ExecuteNonQuery();
                }
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Listen(connection) is { } command)
            {
                await using (command)
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        private NpgsqlCommand? Listen(DbConnection connection)
        {
            if (connection is not NpgsqlConnection postgres)
            {
                return null;
            }
            if (listening.TryAdd(postgres, true))
            {
                postgres.Notice += (_, e) => Seen.Enqueue(e.Notice.MessageText);
            }
            return new NpgsqlCommand(Settings, postgres);
        }
    }
}
