using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Puente.Web.Pathways.Draws;

namespace Puente.Browser.Tests.Infrastructure;

/// <summary>
/// A second server whose clock the tests own, standing on the morning of a drawn service date at San
/// Ysidro: applicants registered and requested through the API, the draw ran after the window closed,
/// the next day is drawn too, and the window of the date after is open. Officer and signed-in page
/// tests share it; the clock no longer moves.
/// </summary>
internal sealed class DrawnDay : IAsyncDisposable
{
    public const string Password = "Applicant-pass-2026!";

    /// <summary>Inside the window of <see cref="ServiceDate"/> (it opens 2026-11-29 12:00 UTC, closes 2026-11-30 11:00 UTC).</summary>
    public static readonly DateTimeOffset InsideWindow = new(2026, 11, 29, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset AfterClose = new(2026, 11, 30, 11, 5, 0, TimeSpan.Zero);

    /// <summary>09:00 in San Ysidro (America/Los_Angeles) on the service date.</summary>
    public static readonly DateTimeOffset ServiceMorning = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly ServiceDate = new(2026, 12, 1);

    /// <summary>The day after, drawn on the service date's morning (its window closes 2026-12-01 11:00 UTC).</summary>
    public static readonly DateOnly Tomorrow = new(2026, 12, 2);
    private static readonly DateTimeOffset InsideTomorrowsWindow = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterTomorrowsClose = new(2026, 12, 1, 11, 5, 0, TimeSpan.Zero);

    /// <summary>Announced from <see cref="ServiceMorning"/>: its window is open while the tests run.</summary>
    public static readonly DateOnly NextOpenDate = new(2026, 12, 3);

    /// <summary>Checked in at the port by the officer tests, one each.</summary>
    public const string CheckedInOnline = "online.checkin@puente.test";
    public const string CheckedInOffline = "offline.checkin@puente.test";

    /// <summary>Keeps a booked appointment for the page checks.</summary>
    public const string Booked = "booked@puente.test";

    /// <summary>Passes the officer at San Ysidro must refuse offline: another port, another date.</summary>
    public const string BookedAtCalexico = "calexico.booked@puente.test";
    public const string BookedTomorrow = "tomorrow.booked@puente.test";

    /// <summary>Queued offline and presented again on the same device; never synced.</summary>
    public const string QueuedOffline = "queued.offline@puente.test";

    /// <summary>Cancelled by the offline manifest test before the booth downloads the day's manifest.</summary>
    public const string CancelledBeforeTheBooth = "cancelled.booth@puente.test";

    /// <summary>A demo account: San Ysidro (2504), America/Los_Angeles.</summary>
    public const string Officer = "officer.sanysidro@puente.test";

    private const string SanYsidro = "2504";

    /// <summary>Calexico (2503): same zone as San Ysidro, so only the port tells its passes apart there.</summary>
    private const string Calexico = "2503";

    public FakeTimeProvider Clock { get; } = new(InsideWindow);
    public PuenteServer Server { get; }

    private DrawnDay() => Server = new PuenteServer(Clock);

    public static async Task<DrawnDay> StartAsync()
    {
        var day = new DrawnDay();
        try
        {
            day.Server.Start();
            await day.Announce(ServiceDate);
            await day.RegisterAndRequest(CheckedInOnline, ServiceDate, SanYsidro, new("Ana Lucía", "Núñez", "1991-05-20", "MEX"), new("Élodie", "Pierre", "2014-02-03", "HTI"));
            await day.RegisterAndRequest(CheckedInOffline, ServiceDate, SanYsidro, new("Rosa Elena", "Ortiz", "1985-10-02", "MEX"), new("Jean-Baptiste", "Désir", "2012-07-14", "HTI"));
            await day.RegisterAndRequest(Booked, ServiceDate, SanYsidro, new("Wilner", "Joseph", "1979-01-30", "HTI"), new("Marie", "Joseph", "2010-12-24", "HTI"));
            await day.RegisterAndRequest(QueuedOffline, ServiceDate, SanYsidro, new("Yuleisy", "Castillo", "1993-04-11", "CUB"), new("Darwin", "Castillo", "2016-09-08", "CUB"));
            await day.RegisterAndRequest(CancelledBeforeTheBooth, ServiceDate, SanYsidro, new("Fabiola", "Estimé", "1987-06-09", "HTI"), new("Sabine", "Estimé", "2015-01-20", "HTI"));
            await day.RegisterAndRequest(BookedAtCalexico, ServiceDate, Calexico, new("Luis Ángel", "Mendoza", "1988-03-15", "HND"), new("Dayana", "Mendoza", "2013-06-21", "HND"));
            day.Clock.SetUtcNow(AfterClose);
            Assert.IsType<RunDraw.Drawn>(await day.Draw(ServiceDate));
            await day.Announce(Tomorrow);
            day.Clock.SetUtcNow(InsideTomorrowsWindow);
            await day.RegisterAndRequest(BookedTomorrow, Tomorrow, SanYsidro, new("Kervens", "Saint-Fleur", "1990-08-17", "HTI"), new("Nathalie", "Saint-Fleur", "2011-11-05", "HTI"));
            day.Clock.SetUtcNow(AfterTomorrowsClose);
            Assert.IsType<RunDraw.Drawn>(await day.Draw(Tomorrow));
            day.Clock.SetUtcNow(ServiceMorning);
            await day.Announce(NextOpenDate);
            return day;
        }
        catch
        {
            await day.DisposeAsync();
            throw;
        }
    }

    public async Task Announce(DateOnly date)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnnounceDraw>().Handle(date);
    }

    public async Task<RunDraw.Outcome> Draw(DateOnly date)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunDraw>().Handle(date);
    }

    /// <summary>A client signed in with a bearer token that is valid at the server's current time.</summary>
    public async Task<HttpClient> ClientFor(string email, string password = Password)
    {
        var client = new HttpClient { BaseAddress = Server.Address };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"login {email}: {(int)response.StatusCode}");
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A page of this server signed in through the form as the account, or as nobody for "".</summary>
    public static async Task<Microsoft.Playwright.IPage> SignedInPage(Microsoft.Playwright.IBrowserContext context, string account)
    {
        var page = await context.NewPageAsync();
        if (account.Length > 0)
        {
            await page.GotoAsync("/Account/Login");
            await Site.Login("es").SubmitAsync(page, account, account == Officer ? PuenteServer.DemoPassword : Password);
            await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Cerrar sesión" })).ToBeVisibleAsync();
        }
        return page;
    }

    /// <summary>The applicant's only appointment, as the API shows it.</summary>
    public async Task<JsonElement> Appointment(string email)
    {
        using var client = await ClientFor(email);
        var appointments = await client.GetFromJsonAsync<JsonElement>("/api/appointments");
        return Assert.Single(appointments.EnumerateArray().ToList());
    }

    /// <summary>The text of the applicant's pass, what a person pastes when the QR code will not scan.</summary>
    public async Task<string> PassText(string email)
    {
        var id = (await Appointment(email)).GetProperty("id").GetString();
        using var client = await ClientFor(email);
        var pass = await client.GetFromJsonAsync<JsonElement>($"/api/appointments/{id}/pass");
        return pass.GetProperty("token").GetString()!;
    }

    private sealed record Person(string GivenNames, string FamilyNames, string BirthDate, string Nationality);

    private async Task RegisterAndRequest(string email, DateOnly serviceDate, string port, Person applicant, Person companion)
    {
        using var anonymous = new HttpClient { BaseAddress = Server.Address };
        var registered = await anonymous.PostAsJsonAsync("/api/applicants", new
        {
            email,
            password = Password,
            preferredLanguage = "es",
            applicant = new
            {
                applicant.GivenNames, applicant.FamilyNames, applicant.BirthDate, applicant.Nationality,
                documentType = "passport", documentCountry = applicant.Nationality, documentNumber = "P" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)))[..10],
            },
            companions = new[] { companion },
        });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var registration = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var verified = await anonymous.PostAsJsonAsync("/api/applicants/verify",
            new { applicantId = registration.GetProperty("applicantId").GetString(), code = await Server.LatestCode(email) });
        Assert.True(verified.IsSuccessStatusCode, await verified.Content.ReadAsStringAsync());
        var travellers = registration.GetProperty("travellers").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();

        using var client = await ClientFor(email);
        var requested = await client.PostAsJsonAsync("/api/requests", new { serviceDate, ports = new[] { port }, travellers });
        Assert.True(requested.IsSuccessStatusCode, await requested.Content.ReadAsStringAsync());
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
