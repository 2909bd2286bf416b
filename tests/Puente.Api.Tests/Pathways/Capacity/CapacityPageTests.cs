using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Pathways.Capacity;

public sealed class CapacityPageTests
{
    private const string Page = "/Admin/Capacity?port=2504&date=2026-12-03&lang=en";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> Post(HttpClient client, string handler, string page, Dictionary<string, string> fields) =>
        PageForms.Post(client, $"/Admin/Capacity?handler={handler}&port=2504&date=2026-12-03", page, fields);

    [Fact]
    public async Task An_admin_edits_the_slots_without_JavaScript_and_blank_rows_are_ignored()
    {
        await using var app = new PuenteApp();
        var client = await PageForms.SignIn(app, "admin@puente.test", browserLanguage: "en");
        var page = await client.GetStringAsync(Page, Ct);
        Assert.Contains("<caption>Slots at", page, StringComparison.Ordinal);
        Assert.Contains("configured template", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);

        var saved = await Post(client, "Save", page, new()
        {
            ["Rows[0].Start"] = "07:30", ["Rows[0].Capacity"] = "12",
            ["Rows[1].Start"] = "", ["Rows[1].Capacity"] = "",
            ["Rows[2].Start"] = "09:00", ["Rows[2].Capacity"] = "8",
        });

        var html = await saved.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Slots saved.", html, StringComparison.Ordinal);
        var admin = await app.ClientFor("admin@puente.test");
        var schedule = await admin.GetFromJsonAsync<JsonElement>("/api/capacity/2504/2026-12-03", Ct);
        Assert.Equal(["07:30", "09:00"], schedule.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()));

        var reset = await Post(client, "Reset", html, []);
        Assert.Contains("back on the template", await reset.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_is_named_by_its_row_number_in_the_persons_language()
    {
        await using var app = new PuenteApp();
        var client = await PageForms.SignIn(app, "admin@puente.test", browserLanguage: "en");
        var page = await client.GetStringAsync(Page, Ct);

        var response = await Post(client, "Save", page, new()
        {
            ["Rows[0].Start"] = "", ["Rows[0].Capacity"] = "",
            ["Rows[1].Start"] = "7h", ["Rows[1].Capacity"] = "5",
        });

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Row 2: A start time is HH:MM", html, StringComparison.Ordinal);
        Assert.Contains("value=\"7h\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frozen_date_shows_the_published_slots_and_no_edit_form()
    {
        await using var app = new PuenteApp();
        var client = await PageForms.SignIn(app, "admin@puente.test", browserLanguage: "en");
        var page = await client.GetStringAsync(Page, Ct);
        await new PathwaysDriver(app).Announce(new DateOnly(2026, 12, 3));

        var frozen = await client.GetStringAsync(Page, Ct);
        var refused = await Post(client, "Save", page, new() { ["Rows[0].Start"] = "08:00", ["Rows[0].Capacity"] = "1" });

        Assert.Contains("these are the published slots", frozen, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Save", frozen, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_capacity_page_is_for_admins_only()
    {
        await using var app = new PuenteApp();
        var client = await PageForms.SignIn(app, "officer.sanysidro@puente.test", browserLanguage: "en");

        var response = await client.GetAsync(Page, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("<caption>Slots at", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

}
