using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

using Puente.Api.Tests.Pathways.Requests;
using Puente.Domain.Pathways.Requests;

namespace Puente.Api.Tests.Pathways.Draws;

public sealed class DrawRunsOnceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_on_one_database_run_a_draw_exactly_once()
    {
        var startLine = new StartLine(runners: 4);
        var database = TestDatabase.Create();
        await using var first = new PuenteApp(database: database, interceptors: [startLine]);
        await using var second = new PuenteApp(demo: false, database: database, interceptors: [startLine]);
        // Both hosts are up before the race, so neither run waits on a host starting.
        _ = first.Services;
        _ = second.Services;
        await new PathwaysDriver(first).Announce();
        await EnterApplicants(first, 40);
        first.Clock.SetUtcNow(PathwaysDriver.AfterClose);
        second.Clock.SetUtcNow(PathwaysDriver.AfterClose);

        // Every run has read the date as not yet drawn before any of them may claim it.
        startLine.Arm();
        var outcomes = await Task.WhenAll(Draw(first), Draw(second), Draw(first), Draw(second));

        Assert.Equal(4, startLine.Arrived);
        Assert.Single(outcomes, o => o is RunDraw.Drawn { RanNow: true });
        Assert.All(outcomes, o => Assert.IsType<RunDraw.Drawn>(o));
        var drawn = await StoredBundle(first);
        var bundle = DrawBundleJson.Parse(drawn).Bundle!;
        Assert.Empty(DrawBundleVerifier.Verify(bundle));
        Assert.Equal(40, bundle.Entries.Count);
        Assert.Equal(bundle.Results!.Count, await Appointments(first));

        Assert.Equal(new RunDraw.Drawn(PathwaysDriver.ServiceDate, RanNow: false), await Draw(second));
        Assert.Equal(drawn, await StoredBundle(second));
        Assert.Equal(bundle.Results.Count, await Appointments(second));
    }

    [Fact]
    public async Task A_draw_that_fails_midway_leaves_nothing_behind_and_runs_cleanly_afterwards()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        await new PathwaysDriver(app).Announce();
        await EnterApplicants(app, 10);
        Guid broken;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A request naming a port outside the announcement can only come from a damaged
            // database; the draw must refuse it without leaving half a result.
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            var request = await db.Requests.FirstAsync(Ct);
            request.Ports = "9999";
            broken = request.Id;
            await db.SaveChangesAsync(Ct);
        }
        app.Clock.SetUtcNow(PathwaysDriver.AfterClose);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Draw(app));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            Assert.Equal(DrawStatus.Announced, (await db.DrawDays.SingleAsync(Ct)).Status);
            Assert.Equal(0, await db.Appointments.CountAsync(Ct));
            // The codes sent at registration are older than the draw; nothing of the draw was queued.
            Assert.Equal(0, await db.Outbox.CountAsync(m => m.CreatedAt >= PathwaysDriver.AfterClose, Ct));
            Assert.All(await db.Requests.ToListAsync(Ct), r => Assert.Equal(RequestStatus.Entered, r.Status));
            await db.RequestTravellers.Where(t => t.RequestId == broken).ExecuteDeleteAsync(Ct);
            await db.Requests.Where(r => r.Id == broken).ExecuteDeleteAsync(Ct);
        }

        Assert.Equal(new RunDraw.Drawn(PathwaysDriver.ServiceDate, RanNow: true), await Draw(app));
    }

    private static async Task<string> StoredBundle(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PuenteDb>().DrawDays.AsNoTracking().SingleAsync(Ct)).Bundle!;
    }

    private static async Task<int> Appointments(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().Appointments.CountAsync(Ct);
    }

    private static async Task<RunDraw.Outcome> Draw(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunDraw>().Handle(PathwaysDriver.ServiceDate, Ct);
    }

    private static async Task EnterApplicants(PuenteApp app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var registered = await scope.ServiceProvider.GetRequiredService<RegisterApplicant>().Handle(new RegisterApplicant.Command(
                $"entrant{i}@puente.test", null, null, "en",
                new RegisterApplicant.Person($"Entrant {(char)('A' + i % 26)}{(char)('a' + i / 26)}", "Núñez", new DateOnly(1980 + i % 20, 1, 1), "HND",
                    "passport", "HND", $"E{i:D7}"), []), Ct);
            var account = Assert.IsType<RegisterApplicant.Registered>(registered).Account;
            await scope.ServiceProvider.GetRequiredService<VerifyContact>().Confirm(account.ApplicantId, $"entrant{i}@puente.test", Ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().Handle(account.ApplicantId,
                new SubmitRequest.Command(PathwaysDriver.ServiceDate, ["2504", "2305"], account.Travellers.Select(t => t.Id).ToList()), null, cancellationToken: Ct);
            Assert.IsType<SubmitRequest.Submitted>(outcome);
        }
    }

    /// <summary>
    /// Once armed, holds each transaction that is about to begin until all the runners have arrived.
    /// It waits before BEGIN because SQLite takes its write lock there: a runner held after BEGIN would
    /// keep the others from ever arriving. A runner still alone after the timeout fails the test.
    /// </summary>
    private sealed class StartLine(int runners) : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int armed;
        private int arrived;

        public int Arrived => Volatile.Read(ref arrived);

        public void Arm() => Volatile.Write(ref armed, 1);

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref armed) == 1 && !allArrived.Task.IsCompleted)
            {
                if (Interlocked.Increment(ref arrived) == runners)
                {
                    allArrived.SetResult();
                }
                await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
            return result;
        }
    }
}
