using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Api.Tests.Hosting;

/// <summary>Limits as shipped: a shelter's one address holds many people, and looking at a page is never an attempt.</summary>
public sealed class RateLimitTests
{
    private const string Shelter = "198.51.100.20";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The shipped limits (the test host raises them for every other test).</summary>
    public static Dictionary<string, string?> Shipped(IReadOnlyDictionary<string, string?>? more = null)
    {
        var shipped = new RateLimitOptions();
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:AccountBurst"] = shipped.AccountBurst.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:AnonymousBurst"] = shipped.AnonymousBurst.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:SignInBurst"] = shipped.SignInBurst.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    [Fact]
    public async Task Three_hundred_applicants_behind_one_address_each_register_and_ask_for_an_appointment()
    {
        await using var app = new PuenteApp(settings: Shipped());
        await new PathwaysDriver(app).Announce();

        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (i, ct) =>
        {
            var email = $"shelter{i:D3}@puente.test";
            var phone = ClientAddresses.From(app, Shelter);
            Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Apply/Register", ct)).StatusCode);
            var registered = await phone.PostAsJsonAsync("/api/applicants", new
            {
                email, password = PathwaysDriver.Password, preferredLanguage = "es",
                applicant = Verification.Adult("María José", "Pérez", "1990-04-12", PathwaysDriver.DocumentNumberFor(email)),
            }, ct);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var registration = await registered.Content.ReadFromJsonAsync<JsonElement>(ct);
            var verified = await phone.PostAsJsonAsync("/api/applicants/verify",
                new { applicantId = registration.GetProperty("applicantId").GetString(), code = await app.LatestCode(email) }, ct);
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
            var signedIn = await phone.PostAsJsonAsync("/api/auth/login", new { email, password = PathwaysDriver.Password }, ct);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            phone.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await signedIn.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString());
            using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(PathwaysDriver.RequestBody(registration, "2504")) };
            submit.Headers.Add("Idempotency-Key", $"shelter-{i}");
            Assert.Equal(HttpStatusCode.Created, (await phone.SendAsync(submit, ct)).StatusCode);
        });

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(300, await scope.ServiceProvider.GetRequiredService<PuenteDb>().Requests.CountAsync(Ct));
    }

    [Fact]
    public async Task The_sign_in_page_still_opens_after_ten_failed_sign_ins_from_the_same_address()
    {
        await using var app = new PuenteApp(settings: Shipped());
        var browser = ClientAddresses.From(app, Shelter);

        for (var i = 0; i < 10; i++)
        {
            var page = await browser.GetStringAsync("/Account/Login", Ct);
            var refused = await PageForms.Post(browser, "/Account/Login", page, new Dictionary<string, string>
            {
                ["email"] = i % 2 == 0 ? Bookings.Officer : $"guess{i}@puente.test", ["password"] = "Wrong-password-2026",
            });
            Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests });
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Login", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Apply/Register", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_page_over_its_limit_is_a_page_in_the_readers_language_saying_when_to_try_again()
    {
        await using var app = new PuenteApp(settings: Shipped(new Dictionary<string, string?> { ["RateLimiting:SignInBurst"] = "1", ["RateLimiting:SignInPerWindow"] = "1" }));
        var browser = ClientAddresses.From(app, Shelter);
        await browser.PostAsync("/Account/Login?lang=en", new FormUrlEncodedContent([]), Ct);

        var english = await browser.PostAsync("/Account/Login?lang=en", new FormUrlEncodedContent([]), Ct);
        var creole = await browser.PostAsync("/Account/Login?lang=ht", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.NotNull(english.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", english.Content.Headers.ContentType?.MediaType);
        var text = await english.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Too many requests", text, StringComparison.Ordinal);
        Assert.Matches(@"Try again in \d+ seconds", text);
        Assert.Matches(@"Eseye ankò nan \d+ segonn", await creole.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_forwarded_address_counts_only_when_a_configured_proxy_sends_it()
    {
        await using var app = new PuenteApp(settings: Shipped(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5" }));
        var proxy = ClientAddresses.From(app, "10.0.0.5");
        var stranger = ClientAddresses.From(app, "198.51.100.9");

        // Through the proxy, the person at 203.0.113.7 runs out of tries; the person at .8 behind the same proxy does not.
        await FailUntilThrottled(proxy, "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(proxy, "203.0.113.7", PuenteApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignIn(proxy, "203.0.113.8", PuenteApp.DemoPassword)).StatusCode);

        // Anyone else who writes the header is the address they connect from, whatever it says.
        await FailUntilThrottled(stranger, "203.0.113.20");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(stranger, "203.0.113.21", PuenteApp.DemoPassword)).StatusCode);
    }

    private static async Task FailUntilThrottled(HttpClient client, string forwardedFor)
    {
        for (var i = 0; i < Puente.Web.Accounts.SignInThrottle.FreeFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(client, forwardedFor, "Wrong-password-2026")).StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string forwardedFor, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = Bookings.Officer, password }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request, Ct);
    }
}
