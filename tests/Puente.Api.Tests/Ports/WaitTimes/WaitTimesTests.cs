using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Ports.WaitTimes;

namespace Puente.Api.Tests.Ports.WaitTimes;

public sealed class WaitTimesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<ImportWaitTimes.Outcome> Import(PuenteApp app, string body, string source = "test")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportWaitTimes>().Handle(body, source, Ct);
    }

    private static async Task<T> Query<T>(PuenteApp app, Func<PuenteDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PuenteDb>());
    }

    /// <summary>
    /// The XML fixture as if published on 29 November 2026 (the test clock's day; Pacific Standard Time
    /// there), since the test clock only moves forward.
    /// </summary>
    private static async Task<string> XmlOfToday() =>
        (await File.ReadAllTextAsync(TestFiles.Fixture("Ports/bwt.xml"), Ct)).Replace("12/15/2023", "11/29/2026", StringComparison.Ordinal);

    private static JsonElement Series(JsonElement waits, string crossing, string lane, string kind = "standard") =>
        waits.GetProperty("series").EnumerateArray().Single(s =>
            s.GetProperty("crossing").GetString() == crossing && s.GetProperty("lane").GetString() == lane && s.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task The_xml_feed_records_every_mexican_crossing_skips_canada_and_reports_unknown_numbers()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var imported = Assert.IsType<ImportWaitTimes.Imported>(await Import(app, await File.ReadAllTextAsync(TestFiles.Fixture("Ports/bwt.xml"), Ct)));

        Assert.Equal((5, 1), (imported.MexicanCrossings, imported.CanadianSkipped));
        Assert.Equal(["269999"], imported.UnknownPortNumbers);
        var recorded = await Query(app, db => db.WaitObservations.Select(o => o.PortNumber).Distinct().ToListAsync(Ct));
        Assert.Equal(["230401", "250401", "250407", "269999", "l24501"], recorded.Order(StringComparer.Ordinal));
        // Fort Hancock's odd number is the registry's crossing 240403 (an alias), not an unknown one.
        Assert.Equal("240403", await Query(app, db => db.WaitObservations.Where(o => o.PortNumber == "l24501").Select(o => o.CrossingNumber).FirstAsync(Ct)));
    }

    [Fact]
    public async Task Values_stay_as_cbp_wrote_them_and_missing_numbers_stay_missing()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        await Import(app, await File.ReadAllTextAsync(TestFiles.Fixture("Ports/bwt.xml"), Ct));

        var waits = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2504/waits", Ct);

        var pedWest = Series(waits, "250407", "pedestrian").GetProperty("points")[0];
        Assert.Equal("Lanes Closed", pedWest.GetProperty("operationalStatus").GetString());
        Assert.Equal(JsonValueKind.Null, pedWest.GetProperty("delayMinutes").ValueKind);
        Assert.Equal("unknown", pedWest.GetProperty("freshness").GetString());
        var ready = Series(waits, "250401", "passengerVehicle", "ready").GetProperty("points")[0];
        Assert.Equal("Update Pending", ready.GetProperty("operationalStatus").GetString());
        var trucks = Series(waits, "250401", "commercial").GetProperty("points")[0];
        Assert.Equal(("N/A", ""), (trucks.GetProperty("operationalStatus").GetString(), trucks.GetProperty("delayText").GetString()));
        // A special lane CBP left at N/A is not recorded; the standard one always is.
        Assert.DoesNotContain(waits.GetProperty("series").EnumerateArray(), s => s.GetProperty("kind").GetString() == "fast");
    }

    [Fact]
    public async Task Update_times_are_instants_in_the_port_zone_and_labelled_fresh_or_stale_against_the_collection_time()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        // 11:30 PST.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 19, 30, 0, TimeSpan.Zero));
        await Import(app, await XmlOfToday());

        var waits = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2504/waits", Ct);

        var cars = Series(waits, "250401", "passengerVehicle").GetProperty("points")[0];
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 19, 0, 0, TimeSpan.Zero), cars.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 19, 30, 0, TimeSpan.Zero), cars.GetProperty("collectedAt").GetDateTimeOffset());
        Assert.Equal(("fresh", 55), (cars.GetProperty("freshness").GetString(), cars.GetProperty("delayMinutes").GetInt32()));
        var walkers = Series(waits, "250401", "pedestrian").GetProperty("points")[0];
        Assert.Equal(("stale", "At 7:00 am PST"), (walkers.GetProperty("freshness").GetString(), walkers.GetProperty("updateTimeText").GetString()));
        // The XML feed gives no time for the crossing itself.
        Assert.Equal(JsonValueKind.Null, cars.GetProperty("reportedAt").ValueKind);
    }

    [Fact]
    public async Task The_json_feed_keeps_the_crossing_time_and_converts_with_each_port_zone()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        // The fixture's 4 July moved to 2027, ahead of the test clock, to be in daylight saving time.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 4, 17, 26, 0, TimeSpan.Zero));
        await Import(app, (await File.ReadAllTextAsync(TestFiles.Fixture("Ports/bwtnew.json"), Ct)).Replace("7/4/2023", "7/4/2027", StringComparison.Ordinal));
        var client = app.CreateClient();

        var laredo = Series(await client.GetFromJsonAsync<JsonElement>("/api/ports/2304/waits?crossing=230401&lane=passengerVehicle", Ct), "230401", "passengerVehicle").GetProperty("points")[0];
        var douglas = Series(await client.GetFromJsonAsync<JsonElement>("/api/ports/2601/waits", Ct), "260101", "passengerVehicle").GetProperty("points")[0];

        // Laredo: 12:25:16 and noon CDT (UTC-5); Douglas: 10:25:16 and 8:00 on Arizona time (UTC-7), whatever "PST" says.
        Assert.Equal(new DateTimeOffset(2027, 7, 4, 17, 25, 16, TimeSpan.Zero), laredo.GetProperty("reportedAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 7, 4, 17, 0, 0, TimeSpan.Zero), laredo.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 7, 4, 17, 25, 16, TimeSpan.Zero), douglas.GetProperty("reportedAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 7, 4, 15, 0, 0, TimeSpan.Zero), douglas.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Every_poll_is_archived_as_received_even_one_that_cannot_be_read()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        var xml = await File.ReadAllTextAsync(TestFiles.Fixture("Ports/bwt.xml"), Ct);

        await Import(app, xml);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await Import(app, xml);
        var broken = Assert.IsType<ImportWaitTimes.Unreadable>(await Import(app, "<html>Service Unavailable</html>"));

        var polls = await Query(app, db => db.WaitPolls.OrderBy(p => p.CollectedAt).Select(p => new { p.Id, p.Body }).ToListAsync(Ct));
        Assert.Equal([xml, xml, "<html>Service Unavailable</html>"], polls.Select(p => p.Body));
        Assert.Equal(broken.PollId, polls[2].Id);
        var history = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/ports/2504/waits?crossing=250401&lane=passengerVehicle", Ct);
        Assert.Equal(2, Series(history, "250401", "passengerVehicle").GetProperty("points").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/ports/2504/waits?lane=boat", "lane", "ports.lane-unknown")]
    [InlineData("/api/ports/2504/waits?from=15/12/2023", "from", "ports.date-invalid")]
    public async Task Bad_filters_are_a_400_naming_the_field(string url, string field, string code)
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var response = await app.CreateClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("fieldCodes").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task The_waits_page_shows_readings_in_the_port_time_with_missing_values_said_so()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 19, 30, 0, TimeSpan.Zero));
        await Import(app, await XmlOfToday());
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/Ports/2504/Waits?crossing=250401&lane=passengerVehicle&lang=en", Ct);
        var closed = await client.GetStringAsync("/Ports/2504/Waits?crossing=250407&lang=en", Ct);

        Assert.Contains("<th scope=\"row\">2026-11-29 11:30</th>", html, StringComparison.Ordinal);
        Assert.Contains("55 min", html, StringComparison.Ordinal);
        Assert.Contains("fresh", html, StringComparison.Ordinal);
        Assert.Contains("Lanes Closed", closed, StringComparison.Ordinal);
        Assert.Contains("no data", closed, StringComparison.Ordinal);
        var chart = await client.GetAsync("/Ports/2504/Waits?handler=Chart&crossing=250401&lane=passengerVehicle", Ct);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_real_bwtnew_sample_records_all_46_mexican_border_crossings_with_times_in_each_zone()
    {
        var path = TestFiles.RealData("cbp_bwt_bwtnew_sample_2022-06-29.json");
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var imported = Assert.IsType<ImportWaitTimes.Imported>(await Import(app, await File.ReadAllTextAsync(path, Ct)));

        Assert.Equal((46, 30), (imported.MexicanCrossings, imported.CanadianSkipped));
        Assert.Empty(imported.UnknownPortNumbers);
        Assert.Equal(46, await Query(app, db => db.WaitObservations.Select(o => o.PortNumber).Distinct().CountAsync(Ct)));
        Assert.Equal(0, await Query(app, db => db.WaitObservations.CountAsync(o => o.CrossingNumber == null, Ct)));
        // The feed lists Fort Hancock twice (240403 and l24501) and Brownsville's Gateway twice (535504 and 230103):
        // both entries are kept, on the one crossing of the registry each names.
        Assert.Equal(44, await Query(app, db => db.WaitObservations.Select(o => o.CrossingNumber).Distinct().CountAsync(Ct)));
        // CBP wrote one instant as each port's clock shows it: 10:25 PDT, 11:25 MDT, 12:25 CDT, and 10:25 at
        // Douglas on Arizona time. (Lukeville, Nogales and San Luis it wrote as 11:25, Mountain Daylight
        // Time, which Arizona does not keep; converted with the port's zone they read an hour later.)
        var reported = await Query(app, db => db.WaitObservations
            .Where(o => o.PortCode != "2602" && o.PortCode != "2604" && o.PortCode != "2608")
            .Select(o => o.ReportedAt).Distinct().ToListAsync(Ct));
        Assert.Equal([new DateTimeOffset(2022, 6, 29, 17, 25, 16, TimeSpan.Zero)], reported);
        // Missing stays missing: Lanes Closed and N/A have no delay, and no reading invents a zero.
        var closed = await Query(app, db => db.WaitObservations.Where(o => o.OperationalStatus == "Lanes Closed").Select(o => o.DelayMinutes).ToListAsync(Ct));
        Assert.NotEmpty(closed);
        Assert.All(closed, Assert.Null);
        // Collected years after CBP wrote it: every reading with an update time is stale, the others unknown.
        var labels = await Query(app, db => db.WaitObservations.Select(o => new { o.UpdatedAt, o.Freshness }).ToListAsync(Ct));
        Assert.All(labels, l => Assert.Equal(l.UpdatedAt is null ? Puente.Domain.Ports.WaitTimes.Freshness.Unknown : Puente.Domain.Ports.WaitTimes.Freshness.Stale, l.Freshness));
    }
}
