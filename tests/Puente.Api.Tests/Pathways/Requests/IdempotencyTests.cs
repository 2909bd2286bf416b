using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Api.Tests.Pathways.Appointments;
using Puente.Api.Tests.Pathways.CheckIns;
using Puente.Api.Tests.Pathways.Passes;
using Puente.Web.Database;

namespace Puente.Api.Tests.Pathways.Requests;

/// <summary>An Idempotency-Key makes a retry safe; it never hands one request's receipt to another.</summary>
public sealed partial class IdempotencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_applicants_using_the_same_idempotency_key_each_get_their_own_request_and_ticket()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (ana, anaRegistration) = await driver.SignedInApplicant("ana@puente.test", "Ana", "Désir");
        var (rosa, rosaRegistration) = await driver.SignedInApplicant("rosa@puente.test", "Rosa", "Nuñez");
        await driver.Announce();

        var anas = await Submit(ana, PathwaysDriver.RequestBody(anaRegistration, "2504"), "retry-1");
        var rosas = await Submit(rosa, PathwaysDriver.RequestBody(rosaRegistration, "2304"), "retry-1");

        Assert.Equal(HttpStatusCode.Created, anas.StatusCode);
        Assert.Equal(HttpStatusCode.Created, rosas.StatusCode);
        var anaReceipt = await anas.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var rosaReceipt = await rosas.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.NotEqual(Ticket(anaReceipt), Ticket(rosaReceipt));
        Assert.Equal(PathwaysDriver.TravellerIds(rosaRegistration), rosaReceipt.GetProperty("travellers").EnumerateArray().Select(t => t.GetGuid()));
        Assert.Equal(["2304"], rosaReceipt.GetProperty("ports").EnumerateArray().Select(p => p.GetString()));
        // Each one's retry still finds their own receipt.
        var anaAgain = await Submit(ana, PathwaysDriver.RequestBody(anaRegistration, "2504"), "retry-1");
        Assert.Equal(HttpStatusCode.OK, anaAgain.StatusCode);
        Assert.Equal(Ticket(anaReceipt), Ticket(await anaAgain.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        Assert.Equal(2, await CountRequests(app));
    }

    [Fact]
    public async Task The_same_applicant_with_a_new_key_for_another_date_gets_a_new_request()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var nextDate = PathwaysDriver.ServiceDate.AddDays(1);
        var (client, registration) = await driver.SignedInApplicant("daily@puente.test");
        await driver.Announce();
        await driver.Announce(nextDate);
        var first = await Submit(client, PathwaysDriver.RequestBody(registration, "2504"), "monday");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 12, 30, 0, TimeSpan.Zero)); // the next date's window
        client = await app.ClientFor("daily@puente.test", PathwaysDriver.Password);
        var body = new { serviceDate = "2026-12-02", ports = new[] { "2504" }, travellers = PathwaysDriver.TravellerIds(registration) };
        var second = await Submit(client, body, "tuesday");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var firstReceipt = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var secondReceipt = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("2026-12-02", secondReceipt.GetProperty("serviceDate").GetString());
        Assert.NotEqual(firstReceipt.GetProperty("id").GetGuid(), secondReceipt.GetProperty("id").GetGuid());
        Assert.Equal(2, await CountRequests(app));
    }

    [Theory]
    [InlineData("ports")]
    [InlineData("date")]
    [InlineData("travellers")]
    [InlineData("reenter")]
    public async Task The_same_key_with_a_changed_request_is_a_422_not_the_old_receipt(string change)
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("changes.mind@puente.test",
            new { givenNames = "Jean-Baptiste", familyNames = "Désir", birthDate = "2015-02-01", nationality = "HTI" });
        await driver.Announce();
        var travellers = PathwaysDriver.TravellerIds(registration).ToList();
        var original = new { serviceDate = "2026-12-01", ports = new[] { "2504", "2304" }, travellers, reenterUntilSelected = false };
        var first = await Submit(client, original, "same-key");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        object changed = change switch
        {
            "ports" => original with { ports = ["2304", "2504"] },
            "date" => original with { serviceDate = "2026-12-02" },
            "travellers" => original with { travellers = travellers.Take(1).ToList() },
            _ => original with { reenterUntilSelected = true },
        };
        var response = await Submit(client, changed, "same-key", language: "en");

        var problem = await Bookings.AssertProblemDocument(response, 422);
        Assert.Equal("Idempotency-Key already used for another request", problem.GetProperty("title").GetString());
        Assert.Contains("already used for your request for 2026-12-01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CountRequests(app));
        // The untouched retry still gets the original receipt.
        var retry = await Submit(client, original, "same-key");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(Ticket(await first.Content.ReadFromJsonAsync<JsonElement>(Ct)), Ticket(await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)));
    }

    [Theory]
    [InlineData("es", "La Idempotency-Key ya se usó para otra solicitud")]
    [InlineData("en", "Idempotency-Key already used for another request")]
    [InlineData("ht", "Idempotency-Key sa a deja sèvi pou yon lòt demann")]
    public async Task A_reused_key_is_explained_in_the_callers_language(string language, string title)
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("lang@puente.test");
        await driver.Announce();
        Assert.Equal(HttpStatusCode.Created, (await Submit(client, PathwaysDriver.RequestBody(registration, "2504"), "k")).StatusCode);

        var response = await Submit(client, PathwaysDriver.RequestBody(registration, "2304"), "k", language);

        var problem = await Bookings.AssertProblemDocument(response, 422);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains("2026-12-01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_form_sent_again_with_other_choices_says_so_and_records_nothing_new()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var registration = await driver.Register("form@puente.test");
        await driver.Announce();
        var client = await PageForms.SignIn(app, "form@puente.test", password: PathwaysDriver.Password);
        var page = await client.GetStringAsync("/Apply?lang=en", Ct);
        var key = IdempotencyKeyField().Match(page).Groups[1].Value;
        Assert.NotEmpty(key);
        Dictionary<string, string> Form(string port) => new()
        {
            ["idempotencyKey"] = key,
            ["ServiceDate"] = "2026-12-01",
            ["Ports"] = port,
            ["TravellerIds"] = PathwaysDriver.TravellerIds(registration).Single().ToString(),
        };

        var sent = await PageForms.Post(client, "/Apply?handler=Request&lang=en", page, Form("2504"));
        Assert.True(sent.IsSuccessStatusCode);
        var again = await PageForms.Post(client, "/Apply?handler=Request&lang=en", page, Form("2304"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync(Ct);
        Assert.Contains("This form was already sent with other choices.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(key, html, StringComparison.Ordinal);
        Assert.Equal(1, await CountRequests(app));
    }

    private static async Task<HttpResponseMessage> Submit(HttpClient client, object body, string key, string? language = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(body) };
        message.Headers.Add("Idempotency-Key", key);
        if (language is not null)
        {
            message.Headers.AcceptLanguage.ParseAdd(language);
        }
        return await client.SendAsync(message, Ct);
    }

    private static string Ticket(JsonElement receipt) => receipt.GetProperty("ticket").GetString()!;

    private static async Task<int> CountRequests(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().Requests.CountAsync(Ct);
    }

    [GeneratedRegex("""name="idempotencyKey" value="([^"]+)""")]
    private static partial Regex IdempotencyKeyField();
}
