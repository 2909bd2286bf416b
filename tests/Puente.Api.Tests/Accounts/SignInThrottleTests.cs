using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Hosting;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Accounts;
using Puente.Web.Database;

namespace Puente.Api.Tests.Accounts;

/// <summary>Wrong passwords slow down the one who types them, never the account's owner elsewhere; nothing tells whether an account exists.</summary>
public sealed partial class SignInThrottleTests
{
    private const string Attacker = "203.0.113.66";
    private const string OfficersBooth = "198.51.100.4";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_attackers_twenty_wrong_passwords_do_not_stop_the_officer_signing_in_from_another_address()
    {
        await using var app = new PuenteApp(settings: RateLimitTests.Shipped());
        var attacker = ClientAddresses.From(app, Attacker);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add((await Login(attacker, Bookings.Officer, $"Guess-number-{i:D2}")).StatusCode);
        }
        var officer = await Login(ClientAddresses.From(app, OfficersBooth), Bookings.Officer, PuenteApp.DemoPassword);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, SignInThrottle.FreeFailures), answers.Take(SignInThrottle.FreeFailures));
        Assert.All(answers.Skip(SignInThrottle.FreeFailures), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.OK, officer.StatusCode);
        // Even the right password waits at the attacker's address until the pair's wait is over.
        var early = await Login(attacker, Bookings.Officer, PuenteApp.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.NotNull(early.Headers.RetryAfter?.Delta);
        app.Clock.Advance(SignInThrottle.LongestWait);
        Assert.Equal(HttpStatusCode.OK, (await Login(attacker, Bookings.Officer, PuenteApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Known_and_unknown_accounts_fail_to_sign_in_with_the_same_status_and_body()
    {
        await using var app = new PuenteApp(settings: RateLimitTests.Shipped());
        var client = ClientAddresses.From(app, Attacker);

        for (var i = 0; i <= SignInThrottle.FreeFailures; i++)
        {
            var known = await Login(client, Bookings.Officer, "Wrong-password-2026");
            var unknown = await Login(client, "nobody.here@puente.test", "Wrong-password-2026");
            Assert.Equal(known.StatusCode, unknown.StatusCode);
            Assert.Equal(await Comparable(known), await Comparable(unknown));
        }

        var browser = ClientAddresses.From(app, OfficersBooth);
        var knownPage = await LoginPage(browser, Bookings.Officer);
        var unknownPage = await LoginPage(browser, "nobody.here@puente.test");
        Assert.Equal(knownPage.Status, unknownPage.Status);
        Assert.Equal(knownPage.Alert, unknownPage.Alert);
        Assert.NotEmpty(knownPage.Alert);
    }

    [Fact]
    public async Task Registering_with_a_contact_that_has_an_account_answers_like_any_registration_and_tells_its_owner()
    {
        await using var app = new PuenteApp(settings: RateLimitTests.Shipped());
        var client = ClientAddresses.From(app, Attacker);
        var before = await MessagesTo(app, Bookings.Applicant);

        var taken = await Register(client, Bookings.Applicant);
        var fresh = await Register(client, "another@puente.test");

        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(await WithoutIds(fresh), await WithoutIds(taken));
        // The newcomer gets a code; the owner gets a notice without one, so the new account can never take the contact.
        Assert.Matches(@"^\d{6}$", await app.LatestCode("another@puente.test"));
        var notice = Assert.Single((await MessagesTo(app, Bookings.Applicant)).Except(before));
        Assert.DoesNotMatch(@"\b\d{6}\b", notice);
    }

    private static async Task<List<string>> MessagesTo(PuenteApp app, string contact)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().Outbox.Where(m => m.Recipient == contact).Select(m => m.Body).ToListAsync(Ct);
    }

    private static async Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        await client.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);

    private static async Task<HttpResponseMessage> Register(HttpClient client, string email) =>
        await client.PostAsJsonAsync("/api/applicants", new
        {
            email, password = PathwaysDriver.Password, preferredLanguage = "es",
            applicant = Verification.Adult("Ana", "Ruiz", "1991-02-03", "G1234567"),
        }, Ct);

    private static async Task<(HttpStatusCode Status, string Alert)> LoginPage(HttpClient browser, string email)
    {
        var page = await browser.GetStringAsync("/Account/Login?lang=en", Ct);
        var response = await PageForms.Post(browser, "/Account/Login?lang=en", page, new Dictionary<string, string> { ["email"] = email, ["password"] = "Wrong-password-2026" });
        return (response.StatusCode, Alert().Match(await response.Content.ReadAsStringAsync(Ct)).Groups[1].Value);
    }

    /// <summary>The problem without what differs between any two requests (its trace id).</summary>
    private static async Task<string> Comparable(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }

    /// <summary>The registration's answer without the new account's and travellers' ids.</summary>
    private static async Task<string> WithoutIds(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        body.Remove("applicantId");
        foreach (var traveller in body["travellers"]!.AsArray())
        {
            traveller!.AsObject().Remove("id");
        }
        return body.ToJsonString();
    }

    [GeneratedRegex("""id="login-error">([^<]*)<""")]
    private static partial Regex Alert();
}
