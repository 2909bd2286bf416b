using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Pathways.Draws;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>Drives the pathway the way applicants and the scheduler do, for tests that need a draw.</summary>
internal sealed class PathwaysDriver(PuenteApp app)
{
    public const string Password = "Applicant-pass-2026!";

    /// <summary>Service date used by the tests; its window opens 2026-11-29 12:00 UTC and closes 2026-11-30 11:00 UTC.</summary>
    public static readonly DateOnly ServiceDate = new(2026, 12, 1);

    /// <summary>Where every test's clock starts (see <see cref="PuenteApp.Clock"/>): inside the window.</summary>
    public static readonly DateTimeOffset InsideWindow = new(2026, 11, 29, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset AfterClose = new(2026, 11, 30, 11, 5, 0, TimeSpan.Zero);

    /// <summary>
    /// Settings that run the background jobs, with each date announced 12 hours before its window
    /// opens: 720 one-minute steps, more than <see cref="PuenteApp.AdvanceUntil"/> takes before it gives
    /// up, so a date seen announced while stepping was announced before its window opened.
    /// </summary>
    public static Dictionary<string, string?> BackgroundJobs(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["BackgroundJobs:Enabled"] = "true",
            ["Pathways:AnnounceLead"] = "12:00:00",
        };
        return settings;
    }

    /// <summary>The public summary of a date's draw, or null while none is announced.</summary>
    public async Task<JsonElement?> PublicDraw(DateOnly date)
    {
        var response = await app.CreateClient().GetAsync($"/api/draws/{date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<bool> IsDrawn(DateOnly date) =>
        await PublicDraw(date) is { } draw && draw.GetProperty("status").GetString() == "drawn";

    public Task<JsonElement> Register(string email, params object[] companions) =>
        Register(email, "María José", "Pérez O'Neil", companions);

    public Task<JsonElement> Register(string email, string givenNames, string familyNames, params object[] companions) =>
        RegisterWithDocument(email, givenNames, familyNames, DocumentNumberFor(email), companions);

    /// <summary>Registers and verifies an applicant whose Mexican passport has the number given.</summary>
    public async Task<JsonElement> RegisterWithDocument(string email, string givenNames, string familyNames, string documentNumber, params object[] companions)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/applicants", new
        {
            email,
            password = Password,
            preferredLanguage = "es",
            applicant = new
            {
                givenNames, familyNames, birthDate = "1990-04-12", nationality = "MEX",
                documentType = "passport", documentCountry = "MEX", documentNumber,
            },
            companions,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var registration = await response.Content.ReadFromJsonAsync<JsonElement>();
        await Verify(registration.GetProperty("applicantId").GetString()!, email);
        return registration;
    }

    /// <summary>A passport number of the applicant's own, derived from their e-mail so each test applicant differs.</summary>
    public static string DocumentNumberFor(string contact) =>
        "G" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contact)))[..10];

    /// <summary>Verifies an account with the code the outbox holds for its contact, as its owner would.</summary>
    public async Task Verify(string applicantId, string contact)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/applicants/verify", new { applicantId, code = await app.LatestCode(contact) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpClient Client, JsonElement Registration)> SignedInApplicant(string email, params object[] companions)
    {
        var registration = await Register(email, companions);
        return (await app.ClientFor(email, Password), registration);
    }

    public async Task<(HttpClient Client, JsonElement Registration)> SignedInApplicant(string email, string givenNames, string familyNames, params object[] companions)
    {
        var registration = await Register(email, givenNames, familyNames, companions);
        return (await app.ClientFor(email, Password), registration);
    }

    public async Task Announce(DateOnly? date = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.IsType<AnnounceDraw.Announced>(await scope.ServiceProvider.GetRequiredService<AnnounceDraw>().Handle(date ?? ServiceDate));
    }

    public async Task<RunDraw.Outcome> Draw(DateOnly? date = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunDraw>().Handle(date ?? ServiceDate);
    }

    public static IEnumerable<Guid> TravellerIds(JsonElement registration) =>
        registration.GetProperty("travellers").EnumerateArray().Select(t => t.GetProperty("id").GetGuid());

    public static object RequestBody(JsonElement registration, params string[] ports) =>
        new { serviceDate = ServiceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ports, travellers = TravellerIds(registration) };
}
