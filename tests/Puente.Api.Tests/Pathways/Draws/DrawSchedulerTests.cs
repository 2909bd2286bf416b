using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Pathways.Draws;

namespace Puente.Api.Tests.Pathways.Draws;

/// <summary>The draw scheduler on its own: the test only moves the clock and watches the public API.</summary>
public sealed class DrawSchedulerTests
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_scheduler_announces_a_date_before_its_window_opens_and_draws_it_once_the_window_has_closed()
    {
        await using var app = new PuenteApp(settings: PathwaysDriver.BackgroundJobs());
        var driver = new PathwaysDriver(app);
        // 2 December's window opens 2026-11-30 12:00 UTC and closes 2026-12-01 11:00; it is announced 12 hours ahead.
        var date = new DateOnly(2026, 12, 2);

        // The first round runs as the host starts (2026-11-29 15:00); 1 December, whose window is open, shows it has run.
        await app.AdvanceUntil(TimeSpan.Zero, async () => await driver.PublicDraw(PathwaysDriver.ServiceDate) is not null,
            "the first round to announce 1 December");
        Assert.Null(await driver.PublicDraw(date));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.Zero));
        await app.AdvanceUntil(OneMinute, async () => await driver.PublicDraw(date) is not null, "2 December to be announced");
        var announced = (await driver.PublicDraw(date))!.Value;
        Assert.Equal("announced", announced.GetProperty("status").GetString());
        Assert.True(app.Clock.GetUtcNow() < announced.GetProperty("opensAt").GetDateTimeOffset(),
            $"announced at {app.Clock.GetUtcNow():u}, after its window opened");

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
        var (applicant, registration) = await driver.SignedInApplicant("familia.desir@puente.test");
        var request = new { serviceDate = "2026-12-02", ports = new[] { "2504" }, travellers = PathwaysDriver.TravellerIds(registration) };
        Assert.Equal(HttpStatusCode.Created, (await applicant.PostAsJsonAsync("/api/requests", request, Ct)).StatusCode);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 11, 5, 0, TimeSpan.Zero));
        await app.AdvanceUntil(OneMinute, () => driver.IsDrawn(date), "the draw for 2 December to run");

        var drawn = (await driver.PublicDraw(date))!.Value;
        Assert.Equal(1, drawn.GetProperty("entries").GetInt32());
        Assert.Equal(1, drawn.GetProperty("selected").GetInt32());
        Assert.True(drawn.GetProperty("drawnAt").GetDateTimeOffset() >= drawn.GetProperty("closesAt").GetDateTimeOffset());
        var requests = await (await app.ClientFor("familia.desir@puente.test", PathwaysDriver.Password))
            .GetFromJsonAsync<JsonElement>("/api/requests", Ct);
        Assert.Equal("selected", Assert.Single(requests.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_date_on_which_every_port_is_closed_is_skipped_and_the_other_due_dates_are_announced()
    {
        await using var app = new PuenteApp();
        var closedDay = new DateOnly(2026, 12, 2);
        await using (var setup = app.Services.CreateAsyncScope())
        {
            var db = setup.ServiceProvider.GetRequiredService<PuenteDb>();
            foreach (var port in setup.ServiceProvider.GetRequiredService<IOptions<PathwaysOptions>>().Value.DefaultSlots.Keys)
            {
                db.SlotOverrides.Add(new SlotOverrideRecord { PortCode = port, ServiceDate = closedDay, Start = "08:00", Capacity = 0 });
            }
            await db.SaveChangesAsync(Ct);
        }
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 30, 0, TimeSpan.Zero));

        await using var scope = app.Services.CreateAsyncScope();
        var announce = scope.ServiceProvider.GetRequiredService<AnnounceDraw>();
        var announced = await announce.AnnounceDue(Ct);

        Assert.Equal(1, announced);
        Assert.Equal(new AnnounceDraw.NoCapacity(closedDay), await announce.Handle(closedDay, Ct));
        var driver = new PathwaysDriver(app);
        Assert.NotNull(await driver.PublicDraw(PathwaysDriver.ServiceDate));
        Assert.Null(await driver.PublicDraw(closedDay));
    }
}
