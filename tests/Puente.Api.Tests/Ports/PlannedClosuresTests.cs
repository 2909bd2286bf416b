using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Ports.Closures;

namespace Puente.Api.Tests.Ports;

/// <summary>Closures declared ahead of time close their lane on their first date and open it after their last.</summary>
public sealed class PlannedClosuresTests
{
    // Midnight in San Ysidro (UTC−8 in December).
    private static readonly DateTimeOffset FirstDayStarts = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayAfterLastStarts = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> DeclarePedWestClosure(HttpClient officer)
    {
        var response = await officer.PostAsJsonAsync("/api/ports/2504/closures",
            new { crossing = "250407", lane = "pedestrian", from = "2026-12-01", to = "2026-12-03", reason = "staffRedeployed" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<ApplyPlannedClosures.Applied> Sweep(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplyPlannedClosures>().Handle(Ct);
    }

    private static async Task<JsonElement> PedWest(PuenteApp app)
    {
        var status = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2504/status", Ct);
        return status.GetProperty("crossings").EnumerateArray().Single(c => c.GetProperty("number").GetString() == "250407")
            .GetProperty("lanes").EnumerateArray().Single(l => l.GetProperty("type").GetString() == "pedestrian");
    }

    private static async Task<List<(string From, string To, string By)>> ChangesBy(PuenteApp app, Guid closure)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var changes = await db.LaneStatusChanges.AsNoTracking().Where(c => c.ClosureId == closure)
            .Select(c => new { c.ChangedAt, c.ToSince, From = c.FromStatus.ToString(), To = c.ToStatus.ToString(), c.ChangedBy }).ToListAsync(Ct);
        return [.. changes.OrderBy(c => c.ChangedAt).ThenBy(c => c.ToSince).Select(c => (c.From, c.To, c.ChangedBy))];
    }

    [Fact]
    public async Task A_planned_closure_closes_its_lane_on_its_first_date_and_opens_it_after_its_last_as_the_system()
    {
        await using var app = new PuenteApp();
        var officer = await app.ClientFor(Bookings.Officer);
        var id = await DeclarePedWestClosure(officer);
        Assert.Equal("open", (await PedWest(app)).GetProperty("status").GetString());

        // 23:59 on 30 November in San Ysidro: not yet.
        app.Clock.SetUtcNow(FirstDayStarts.AddMinutes(-1));
        Assert.Equal(new ApplyPlannedClosures.Applied(0, 0), await Sweep(app));
        Assert.Equal("open", (await PedWest(app)).GetProperty("status").GetString());

        app.Clock.SetUtcNow(FirstDayStarts.AddMinutes(4));
        Assert.Equal(new ApplyPlannedClosures.Applied(1, 0), await Sweep(app));

        var closed = await PedWest(app);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("staffRedeployed", closed.GetProperty("reason").GetString());
        Assert.Equal("2026-12-01T00:00:00-08:00", closed.GetProperty("since").GetString());
        Assert.Equal("2026-12-04T00:00:00-08:00", closed.GetProperty("expectedReopening").GetString());
        Assert.Equal(new ApplyPlannedClosures.Applied(0, 0), await Sweep(app));

        // Still closed on the last date; open once the day after it begins.
        app.Clock.SetUtcNow(DayAfterLastStarts.AddMinutes(-1));
        Assert.Equal(new ApplyPlannedClosures.Applied(0, 0), await Sweep(app));
        app.Clock.SetUtcNow(DayAfterLastStarts.AddMinutes(2));
        Assert.Equal(new ApplyPlannedClosures.Applied(0, 1), await Sweep(app));
        Assert.Equal(new ApplyPlannedClosures.Applied(0, 0), await Sweep(app));

        var open = await PedWest(app);
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal("2026-12-04T00:00:00-08:00", open.GetProperty("since").GetString());
        Assert.Equal([("Open", "Closed", AuditLog.System), ("Closed", "Open", AuditLog.System)], await ChangesBy(app, id));
        // Kept in the officers' history and the audit log like a change made by hand (signed in again: days have passed).
        var history = await (await app.ClientFor(Bookings.Officer)).GetFromJsonAsync<JsonElement>("/api/ports/2504/status/history", Ct);
        Assert.Equal(2, history.EnumerateArray().Count(c => c.GetProperty("crossing").GetString() == "250407"
            && c.GetProperty("changedBy").GetString() == AuditLog.System && c.GetProperty("closureId").GetString() == id.ToString()));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "lane.status" && e.EntityId == "250407/Pedestrian" && e.Actor == AuditLog.System)
            .Select(e => e.After).ToListAsync(Ct);
        Assert.Equal(2, audit.Count(a => a!.Contains(id.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_sweeps_at_once_close_the_lane_once()
    {
        await using var app = new PuenteApp();
        var id = await DeclarePedWestClosure(await app.ClientFor(Bookings.Officer));
        app.Clock.SetUtcNow(FirstDayStarts.AddHours(1));

        var both = await Task.WhenAll(Sweep(app), Sweep(app), Sweep(app));

        Assert.Equal(1, both.Sum(a => a.Closed));
        Assert.Equal([("Open", "Closed", AuditLog.System)], await ChangesBy(app, id));

        app.Clock.SetUtcNow(DayAfterLastStarts.AddHours(1));
        both = await Task.WhenAll(Sweep(app), Sweep(app), Sweep(app));
        Assert.Equal(1, both.Sum(a => a.Reopened));
        Assert.Equal(2, (await ChangesBy(app, id)).Count);
    }

    [Fact]
    public async Task A_closure_reopened_before_its_first_date_never_closes_the_lane()
    {
        await using var app = new PuenteApp();
        var officer = await app.ClientFor(Bookings.Officer);
        var id = await DeclarePedWestClosure(officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/closures/{id}/reopen", null, Ct)).StatusCode);

        app.Clock.SetUtcNow(FirstDayStarts.AddHours(1));
        Assert.Equal(new ApplyPlannedClosures.Applied(0, 0), await Sweep(app));
        app.Clock.SetUtcNow(DayAfterLastStarts.AddHours(1));
        Assert.Equal(new ApplyPlannedClosures.Applied(0, 0), await Sweep(app));

        Assert.Equal("open", (await PedWest(app)).GetProperty("status").GetString());
        Assert.Empty(await ChangesBy(app, id));
    }

    [Fact]
    public async Task A_lane_someone_changed_during_the_closure_keeps_what_they_chose_after_the_last_date()
    {
        await using var app = new PuenteApp();
        var officer = await app.ClientFor(Bookings.Officer);
        var id = await DeclarePedWestClosure(officer);
        app.Clock.SetUtcNow(FirstDayStarts.AddHours(1));
        await Sweep(app);
        app.Clock.SetUtcNow(FirstDayStarts.AddDays(1));
        var restricted = await (await app.ClientFor(Bookings.Officer)).PostAsJsonAsync("/api/ports/2504/status",
            new { crossing = "250407", lane = "pedestrian", action = "restrict", reason = "reducedHours", expectedReopening = "2026-12-20" }, Ct);
        Assert.Equal(HttpStatusCode.OK, restricted.StatusCode);

        app.Clock.SetUtcNow(DayAfterLastStarts.AddHours(1));
        Assert.Equal(new ApplyPlannedClosures.Applied(0, 0), await Sweep(app));

        Assert.Equal("restricted", (await PedWest(app)).GetProperty("status").GetString());
        Assert.Single(await ChangesBy(app, id));
    }

    [Fact]
    public async Task Left_to_itself_the_sweep_closes_and_reopens_the_lane_as_the_clock_passes_the_dates()
    {
        await using var app = new PuenteApp(settings: new Dictionary<string, string?>
        {
            ["BackgroundJobs:Enabled"] = "true",
            ["BackgroundJobs:PlannedClosuresMinutes"] = "60",
            // The clock runs days ahead in seconds; the scenarios' simulations would recompute every new day.
            ["BackgroundJobs:ScenariosMinutes"] = "10080",
        });
        await DeclarePedWestClosure(await app.ClientFor(Bookings.Officer));

        await app.AdvanceUntil(TimeSpan.FromHours(1), async () => (await PedWest(app)).GetProperty("status").GetString() == "closed",
            "the lane to close on the closure's first date");
        Assert.True(app.Clock.GetUtcNow() >= FirstDayStarts);
        await app.AdvanceUntil(TimeSpan.FromHours(1), async () => (await PedWest(app)).GetProperty("status").GetString() == "open",
            "the lane to open after the closure's last date");
        Assert.True(app.Clock.GetUtcNow() >= DayAfterLastStarts);
    }
}
