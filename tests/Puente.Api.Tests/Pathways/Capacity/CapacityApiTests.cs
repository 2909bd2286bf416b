using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Hosting;

namespace Puente.Api.Tests.Pathways.Capacity;

public sealed class CapacityApiTests
{
    private const string Date = "2026-12-03";
    private static readonly DateOnly ServiceDate = new(2026, 12, 3);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Slots(params (string Start, int Capacity)[] slots) =>
        new { slots = slots.Select(s => new { start = s.Start, capacity = s.Capacity }) };

    private static List<(string, int)> SlotsOf(JsonElement schedule) =>
        schedule.GetProperty("slots").EnumerateArray()
            .Select(s => (s.GetProperty("start").GetString()!, s.GetProperty("capacity").GetInt32()))
            .ToList();

    private static async Task<JsonElement> AnnouncedPort(HttpClient client, string port)
    {
        var bundle = await client.GetFromJsonAsync<JsonElement>($"/api/draws/{Date}/bundle", Ct);
        return bundle.GetProperty("announcement").GetProperty("ports").EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == port);
    }

    [Fact]
    public async Task An_override_changes_the_slots_the_announcement_publishes()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");

        var put = await admin.PutAsJsonAsync($"/api/capacity/2504/{Date}", Slots(("10:00", 25), ("08:00", 20), ("09:30", 0)), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await new PathwaysDriver(app).Announce(ServiceDate);

        // A slot with no capacity is not offered at all.
        Assert.Equal([("08:00", 20), ("10:00", 25)], SlotsOf(await AnnouncedPort(admin, "2504")));
        Assert.Equal(6, SlotsOf(await AnnouncedPort(admin, "2503")).Count);
    }

    [Fact]
    public async Task Once_the_date_is_announced_set_and_reset_are_refused_and_the_schedule_stays_as_published()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");
        await admin.PutAsJsonAsync($"/api/capacity/2504/{Date}", Slots(("08:00", 20)), Ct);
        await new PathwaysDriver(app).Announce(ServiceDate);

        var put = await admin.PutAsJsonAsync($"/api/capacity/2504/{Date}", Slots(("08:00", 500)), Ct);
        var delete = await admin.DeleteAsync($"/api/capacity/2504/{Date}", Ct);

        foreach (var response in new[] { put, delete })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains("congelados", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("2026-12-01 12:00", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var schedule = await admin.GetFromJsonAsync<JsonElement>($"/api/capacity/2504/{Date}", Ct);
        Assert.True(schedule.GetProperty("frozen").GetBoolean());
        Assert.Equal("override", schedule.GetProperty("source").GetString());
        Assert.Equal([("08:00", 20)], SlotsOf(schedule));
        Assert.Equal([("08:00", 20)], SlotsOf(await AnnouncedPort(admin, "2504")));
    }

    [Fact]
    public async Task A_frozen_port_that_was_not_offered_shows_no_slots()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");
        await admin.PutAsJsonAsync($"/api/capacity/2504/{Date}", Slots(("08:00", 0)), Ct);
        await new PathwaysDriver(app).Announce(ServiceDate);

        var schedule = await admin.GetFromJsonAsync<JsonElement>($"/api/capacity/2504/{Date}", Ct);

        Assert.True(schedule.GetProperty("frozen").GetBoolean());
        Assert.Empty(SlotsOf(schedule));
    }

    [Fact]
    public async Task Reset_returns_the_date_to_the_template()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");
        var template = await admin.GetFromJsonAsync<JsonElement>($"/api/capacity/2504/{Date}", Ct);
        await admin.PutAsJsonAsync($"/api/capacity/2504/{Date}", Slots(("08:00", 20)), Ct);

        var reset = await admin.DeleteAsync($"/api/capacity/2504/{Date}", Ct);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var schedule = await admin.GetFromJsonAsync<JsonElement>($"/api/capacity/2504/{Date}", Ct);
        Assert.Equal("template", schedule.GetProperty("source").GetString());
        Assert.False(schedule.GetProperty("frozen").GetBoolean());
        Assert.Equal(SlotsOf(template), SlotsOf(schedule));
        Assert.Equal(6, SlotsOf(schedule).Count);
    }

    [Fact]
    public async Task Setting_again_replaces_every_slot_of_the_date()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");
        await admin.PutAsJsonAsync($"/api/capacity/2504/{Date}", Slots(("08:00", 20), ("09:00", 20)), Ct);

        var put = await admin.PutAsJsonAsync($"/api/capacity/2504/{Date}", Slots(("07:00", 5)), Ct);

        var schedule = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("override", schedule.GetProperty("source").GetString());
        Assert.Equal([("07:00", 5)], SlotsOf(schedule));
    }

    [Theory]
    [InlineData("officer.sanysidro@puente.test")]
    [InlineData("analyst@puente.test")]
    public async Task Only_an_admin_may_see_or_change_capacity(string email)
    {
        await using var app = new PuenteApp();
        var client = await app.ClientFor(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/capacity/2504/{Date}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/capacity/2504/{Date}", Slots(("08:00", 1)), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/capacity/2504/{Date}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/capacity/2504/{Date}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_port_is_a_404_problem()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");

        var responses = new[]
        {
            await admin.GetAsync($"/api/capacity/0000/{Date}", Ct),
            await admin.PutAsJsonAsync($"/api/capacity/0000/{Date}", Slots(("08:00", 1)), Ct),
            await admin.DeleteAsync($"/api/capacity/0000/{Date}", Ct),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_malformed_date_is_a_400_problem()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");

        var response = await admin.GetAsync("/api/capacity/2504/2026-13-03", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Fecha no válida", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Bad_slots_are_a_validation_problem_naming_each_field()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");

        var response = await admin.PutAsJsonAsync($"/api/capacity/2504/{Date}",
            Slots(("8:00", 5), ("09:00", -1), ("09:00", 10_001), ("24:00", 3)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(
            ["slots[0].start", "slots[1].capacity", "slots[2].capacity", "slots[2].start", "slots[3].start"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            [("slots[0].start", FieldCodes.StartInvalid), ("slots[1].capacity", FieldCodes.CapacityInvalid), ("slots[2].capacity", FieldCodes.CapacityInvalid),
             ("slots[2].start", FieldCodes.StartRepeated), ("slots[3].start", FieldCodes.StartInvalid)],
            problem.GetProperty("fieldCodes").EnumerateObject().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => (f.Name, f.Value.EnumerateArray().Single().GetString())));
        var schedule = await admin.GetFromJsonAsync<JsonElement>($"/api/capacity/2504/{Date}", Ct);
        Assert.Equal("template", schedule.GetProperty("source").GetString());
    }

    [Fact]
    public async Task No_slots_or_more_than_48_are_refused()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");
        var many = Enumerable.Range(0, 49).Select(i => ($"{i / 2:00}:{i % 2 * 30:00}", 1)).ToArray();

        foreach (var body in new[] { Slots(), Slots(many), new { slots = (object?)null } })
        {
            var response = await admin.PutAsJsonAsync($"/api/capacity/2504/{Date}", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty("slots", out _), problem.ToString());
            Assert.Equal(FieldCodes.SlotsCount, problem.GetProperty("fieldCodes").GetProperty("slots")[0].GetString());
        }
    }

    [Fact]
    public async Task A_date_is_past_only_once_it_is_over_at_the_port()
    {
        await using var app = new PuenteApp();
        // 03:00 UTC on the 30th is still the evening of the 29th in Tijuana.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var admin = await app.ClientFor("admin@puente.test");

        var sameDay = await admin.PutAsJsonAsync("/api/capacity/2504/2026-11-29", Slots(("20:00", 5)), Ct);
        var dayBefore = await admin.PutAsJsonAsync("/api/capacity/2504/2026-11-28", Slots(("20:00", 5)), Ct);

        Assert.Equal(HttpStatusCode.OK, sameDay.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, dayBefore.StatusCode);
        var problem = await dayBefore.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _), problem.ToString());
        Assert.Equal(FieldCodes.DatePast, problem.GetProperty("fieldCodes").GetProperty("date")[0].GetString());
    }
}
