using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Api.Tests.Pathways.Draws;

/// <summary>Draw days are kept in memory, yet every instance on the database sees a change at once.</summary>
public sealed class DrawSummaryCacheTests
{
    private const string Path = "/api/draws/2026-12-01";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_closed_day_s_summary_carries_an_entity_tag_and_answers_304_to_a_client_that_holds_it()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("ana@puente.test", "Ana", "Désir");
        await driver.Announce();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct)).StatusCode);
        app.Clock.SetUtcNow(PathwaysDriver.AfterClose);
        var anyone = app.CreateClient();

        var first = await anyone.GetAsync(Path, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("entries").GetInt32());

        var again = new HttpRequestMessage(HttpMethod.Get, Path);
        again.Headers.IfNoneMatch.Add(tag);
        var notModified = await anyone.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(tag, notModified.Headers.ETag);

        Assert.IsType<Puente.Web.Pathways.Draws.RunDraw.Drawn>(await driver.Draw());
        var stale = new HttpRequestMessage(HttpMethod.Get, Path);
        stale.Headers.IfNoneMatch.Add(tag);
        var drawn = await anyone.SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.OK, drawn.StatusCode);
        Assert.NotEqual(tag, drawn.Headers.ETag);
        Assert.Equal("drawn", (await drawn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_instance_that_kept_a_day_sees_it_announced_again_and_drawn_by_another_instance()
    {
        var database = TestDatabase.Create();
        await using var kept = new PuenteApp(database: database);
        await using var other = new PuenteApp(database: database, demo: false);
        var driver = new PathwaysDriver(kept);
        var (ana, anaRegistration) = await driver.SignedInApplicant("ana@puente.test", "Ana", "Désir");
        var (rosa, rosaRegistration) = await driver.SignedInApplicant("rosa@puente.test", "Rosa", "Nuñez");
        var (luz, luzRegistration) = await driver.SignedInApplicant("luz@puente.test", "Luz", "Marín");
        await driver.Announce();
        // The first instance reads the day (and keeps it) while every port of the announcement is offered.
        Assert.Equal(HttpStatusCode.Created, (await ana.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(anaRegistration, "2304"), Ct)).StatusCode);
        var before = (await kept.CreateClient().GetFromJsonAsync<JsonElement>(Path, Ct)).GetProperty("commitment").GetString();

        // The other instance's database gets another announcement for the date (a restore, a reset): it offers one port only.
        await using (var scope = other.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            var day = await db.DrawDays.SingleAsync(d => d.ServiceDate == PathwaysDriver.ServiceDate, Ct);
            var announcement = DrawBundleJson.ParseAnnouncement(day.Announcement)!;
            var only = announcement.Ports.Single(p => p.Code == "2504");
            day.Secret = new string('a', 64);
            day.Announcement = DrawBundleJson.SerializeAnnouncement(announcement with { Commitment = new string('b', 64), Ports = [only] });
            await db.SaveChangesAsync(Ct);
        }

        var refused = await rosa.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(rosaRegistration, "2304"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(FieldCodes.PortsNotOffered, (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("fieldCodes").GetProperty("ports").ToString(), StringComparison.Ordinal);
        Assert.Equal(new string('b', 64), (await kept.CreateClient().GetFromJsonAsync<JsonElement>(Path, Ct)).GetProperty("commitment").GetString());
        Assert.NotEqual(new string('b', 64), before);

        // The other instance marks the day drawn: the first no longer takes requests for it.
        await using (var scope = other.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PuenteDb>().DrawDays
                .Where(d => d.ServiceDate == PathwaysDriver.ServiceDate)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DrawStatus.Drawn), Ct);
        }
        var late = await luz.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(luzRegistration, "2504"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("drawn", (await kept.CreateClient().GetFromJsonAsync<JsonElement>(Path, Ct)).GetProperty("status").GetString());
    }
}
