using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Hosting;

using Puente.Api.Tests.Pathways.Draws;

namespace Puente.Api.Tests.Pathways.Requests;

public sealed class RequestFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registration_records_the_day_and_every_traveller_as_written()
    {
        await using var app = new PuenteApp();
        var registration = await new PathwaysDriver(app).Register("familia@puente.test",
            new { givenNames = "Jean-Baptiste", familyNames = "Désir", birthDate = "2015-02-01", nationality = "HTI" });

        Assert.Equal("2026-11-29", registration.GetProperty("registeredOn").GetString());
        var names = registration.GetProperty("travellers").EnumerateArray().Select(t => t.GetProperty("givenNames").GetString());
        Assert.Equal(["María José", "Jean-Baptiste"], names);
    }

    [Fact]
    public async Task Registration_with_bad_fields_is_a_validation_problem_naming_each_field()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().PostAsJsonAsync("/api/applicants", new
        {
            password = "short",
            applicant = new { givenNames = "", familyNames = "López", birthDate = "2090-01-01", nationality = "XX" },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        var codes = problem.GetProperty("fieldCodes");
        foreach (var (field, code) in new[]
        {
            ("email", FieldCodes.ContactRequired),
            ("applicant.givenNames", FieldCodes.GivenNamesRequired),
            ("applicant.birthDate", FieldCodes.BirthDateInvalid),
            ("applicant.nationality", FieldCodes.NationalityInvalid),
        })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
            Assert.Equal([code], codes.GetProperty(field).EnumerateArray().Select(c => c.GetString()));
        }
    }

    [Fact]
    public async Task A_password_the_rules_refuse_is_named_rule_by_rule()
    {
        await using var app = new PuenteApp();

        var problem = await RefusedInEnglish(app.CreateClient(), "/api/applicants", new
        {
            email = "weak@puente.test",
            password = "short",
            applicant = Verification.Adult("Rosa", "López", "1990-01-01", "R1234567"),
        });

        string[] broken = [FieldCodes.PasswordTooShort, FieldCodes.PasswordNeedsDigit, FieldCodes.PasswordNeedsUpper, FieldCodes.PasswordNeedsSymbol];
        Assert.Equal(broken.Order(StringComparer.Ordinal),
            problem.GetProperty("fieldCodes").GetProperty("password").EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains("at least 12 characters", problem.GetProperty("errors").GetProperty("password").ToString(), StringComparison.Ordinal);
        Assert.Equal(["password"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_port_not_offered_on_the_date_is_named_beside_the_ports_that_are()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("nowhere@puente.test");
        await driver.Announce();

        var problem = await RefusedInEnglish(client, "/api/requests", PathwaysDriver.RequestBody(registration, "2504", "9999"));

        Assert.Equal([FieldCodes.PortsNotOffered], problem.GetProperty("fieldCodes").GetProperty("ports").EnumerateArray().Select(c => c.GetString()));
        var text = problem.GetProperty("errors").GetProperty("ports")[0].GetString()!;
        Assert.StartsWith("No appointments are offered on 2026-12-01 at: 9999. Offered: ", text, StringComparison.Ordinal);
        Assert.Contains("2504", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_page_says_what_is_wrong_beside_the_person_it_concerns()
    {
        await using var app = new PuenteApp();
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/Apply/Register?lang=en", Ct);

        var response = await PageForms.Post(client, "/Apply/Register?lang=en", page, new()
        {
            ["Email"] = "page@puente.test", ["Password"] = PathwaysDriver.Password, ["PreferredLanguage"] = "en",
            ["Applicant.GivenNames"] = "Rosa", ["Applicant.FamilyNames"] = "López", ["Applicant.BirthDate"] = "1990-01-01", ["Applicant.Nationality"] = "MEX",
            ["Applicant.DocumentType"] = "passport", ["Applicant.DocumentCountry"] = "MEX", ["Applicant.DocumentNumber"] = "R1234567",
            // The form sends every row; the first companion row is left blank.
            ["Companions[0].GivenNames"] = "", ["Companions[0].FamilyNames"] = "", ["Companions[0].BirthDate"] = "", ["Companions[0].Nationality"] = "",
            ["Companions[1].GivenNames"] = "Ana", ["Companions[1].FamilyNames"] = "López", ["Companions[1].BirthDate"] = "2090-01-01", ["Companions[1].Nationality"] = "MEX",
        });

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = html[html.IndexOf("Companion 2", StringComparison.Ordinal)..html.IndexOf("Companion 3", StringComparison.Ordinal)];
        Assert.Contains("Enter a birth date (YYYY-MM-DD) in the past 120 years.", second, StringComparison.Ordinal);
        // Only that one problem, announced once at the top, linked to the person's first field and focused there.
        Assert.Equal(2, html.Split("role=\"alert\"").Length);
        Assert.Contains("<a href=\"#Companions-1-given\">Enter a birth date (YYYY-MM-DD) in the past 120 years.</a>", html, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"-1\" autofocus", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apply_page_names_a_port_not_offered_on_the_date()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var registration = await driver.Register("tampered@puente.test");
        await driver.Announce();
        var client = await PageForms.SignIn(app, "tampered@puente.test", password: PathwaysDriver.Password);
        var page = await client.GetStringAsync("/Apply?lang=en", Ct);

        var response = await PageForms.Post(client, "/Apply?handler=Request&lang=en", page, new()
        {
            ["ServiceDate"] = "2026-12-01",
            ["Ports"] = "9999",
            ["TravellerIds"] = PathwaysDriver.TravellerIds(registration).Single().ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No appointments are offered on 2026-12-01 at: 9999.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_outside_the_window_is_a_409_saying_when_it_opens()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("early@puente.test");

        var response = await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            problem.GetProperty("opensAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_same_receipt_and_creates_nothing()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("retry@puente.test");
        await driver.Announce();

        var tickets = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests")
            {
                Content = JsonContent.Create(PathwaysDriver.RequestBody(registration, "2504", "2304")),
            };
            message.Headers.Add("Idempotency-Key", "one-tap-on-a-bad-connection");
            var response = await client.SendAsync(message, Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
            tickets.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("ticket").GetString()!);
        }

        Assert.Single(tickets.Distinct());
        Assert.Matches("^[A-Za-z0-9_-]{1,64}$", tickets[0]);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PuenteDb>().Requests.CountAsync(Ct));
    }

    [Fact]
    public async Task A_second_request_for_the_same_date_is_refused()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("twice@puente.test");
        await driver.Announce();

        (await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct)).EnsureSuccessStatusCode();
        var second = await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2304"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task The_same_document_cannot_be_in_two_requests_for_one_date_even_written_differently()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (first, firstRegistration) = await driver.SignedInApplicant("first@puente.test");
        // The second account registers the same woman's passport again: lower case, spaces and a hyphen.
        var number = PathwaysDriver.DocumentNumberFor("first@puente.test");
        var secondRegistration = await driver.RegisterWithDocument("second@puente.test", "MARIA  JOSE", "PEREZ-ONEIL", $"{number[..4].ToLowerInvariant()} {number[4..7]}-{number[7..]}");
        var second = await app.ClientFor("second@puente.test", PathwaysDriver.Password);
        await driver.Announce();
        (await first.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(firstRegistration, "2504"), Ct)).EnsureSuccessStatusCode();

        var response = await second.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(secondRegistration, "2304"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.DoesNotContain("MARIA", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await CountRequests(app));
    }

    [Fact]
    public async Task Of_two_accounts_submitting_the_same_document_at_the_same_moment_exactly_one_is_accepted()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (first, firstRegistration) = await driver.SignedInApplicant("first@puente.test");
        var secondRegistration = await driver.RegisterWithDocument("second@puente.test", "maria jose", "perez o'neil", PathwaysDriver.DocumentNumberFor("first@puente.test"));
        var second = await app.ClientFor("second@puente.test", PathwaysDriver.Password);
        await driver.Announce();

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(firstRegistration, "2504"), Ct),
            second.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(secondRegistration, "2304"), Ct));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(1, await CountRequests(app));
    }

    [Fact]
    public async Task An_applicant_cannot_read_or_withdraw_another_applicants_request()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (owner, registration) = await driver.SignedInApplicant("owner@puente.test");
        var (other, _) = await driver.SignedInApplicant("other@puente.test", "Rosa", "Lima",
            Verification.Adult("Pedro", "Ramírez", "1985-01-01", "V1234567", "VEN"));
        await driver.Announce();
        var created = await owner.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/requests/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/requests/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/requests/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Withdrawal_frees_the_date_before_close_and_is_refused_after()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("changes@puente.test");
        await driver.Announce();
        var first = await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/requests/{firstId}", Ct)).StatusCode);
        var again = await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2304"), Ct);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var againId = (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        app.Clock.SetUtcNow(PathwaysDriver.AfterClose);
        var later = await app.ClientFor("changes@puente.test", PathwaysDriver.Password);
        Assert.Equal(HttpStatusCode.Conflict, (await later.DeleteAsync($"/api/requests/{againId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_draw_runs_once_and_publishes_a_bundle_that_verifies()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        await driver.Announce();
        for (var i = 0; i < 12; i++)
        {
            var (client, registration) = await driver.SignedInApplicant($"applicant{i}@puente.test", $"Madre {(char)('A' + i)}", "Cruz",
                new { givenNames = $"Hijo {(char)('A' + i)}", familyNames = "Cruz", birthDate = "2012-03-03", nationality = "GTM" });
            var body = new
            {
                serviceDate = "2026-12-01",
                ports = new[] { "2504", "2304" },
                travellers = PathwaysDriver.TravellerIds(registration),
            };
            (await client.PostAsJsonAsync("/api/requests", body, Ct)).EnsureSuccessStatusCode();
        }
        var anonymous = app.CreateClient();
        var before = await anonymous.GetStringAsync("/api/draws/2026-12-01/bundle", Ct);
        Assert.DoesNotContain("secret", before, StringComparison.Ordinal);

        app.Clock.SetUtcNow(PathwaysDriver.AfterClose);
        var closed = DrawBundleJson.Parse(await anonymous.GetStringAsync("/api/draws/2026-12-01/bundle", Ct)).Bundle!;
        Assert.Equal(12, closed.Entries.Count);
        Assert.Null(closed.Reveal);

        Assert.IsType<Puente.Web.Pathways.Draws.RunDraw.Drawn>(await driver.Draw());
        var bundleJson = await anonymous.GetStringAsync("/api/draws/2026-12-01/bundle", Ct);
        var bundle = DrawBundleJson.Parse(bundleJson).Bundle!;
        Assert.Empty(DrawBundleVerifier.Verify(bundle));
        Assert.Equal(closed.EntriesDigest, bundle.EntriesDigest);
        Assert.Equal(12, bundle.Results!.Count);

        // A second run changes nothing: same bundle, no second set of appointments.
        Assert.Equal(new Puente.Web.Pathways.Draws.RunDraw.Drawn(PathwaysDriver.ServiceDate, RanNow: false), await driver.Draw());
        Assert.Equal(bundleJson, await anonymous.GetStringAsync("/api/draws/2026-12-01/bundle", Ct));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        Assert.Equal(12, await db.Appointments.CountAsync(Ct));
        // Each applicant is told, once, in their language, through the outbox.
        var messages = await db.Outbox.Select(m => new { m.Recipient, m.Language, m.Subject }).ToListAsync(Ct);
        Assert.Equal(12, messages.Select(m => m.Recipient).Distinct().Count());
        Assert.All(messages, m => Assert.Equal("es", m.Language));

        var summary = await anonymous.GetFromJsonAsync<JsonElement>("/api/draws/2026-12-01", Ct);
        Assert.Equal(24, summary.GetProperty("selectedPersons").GetInt32());

        var selected = bundle.Results![0];
        // Typed as a person copies it from paper: lower case, with its group dashes, shown back grouped.
        var typed = Puente.Domain.Pathways.Requests.TicketCode.Display(selected.Ticket).ToLowerInvariant();
        var page = await anonymous.GetStringAsync($"/Draws/2026-12-01?lang=en&ticket={typed}", Ct);
        Assert.Contains($"Ticket {Puente.Domain.Pathways.Requests.TicketCode.Display(selected.Ticket)} was selected", page, StringComparison.Ordinal);
        Assert.Contains($"at {TimeOnly.Parse(selected.Slot, System.Globalization.CultureInfo.InvariantCulture).ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture)}", page, StringComparison.Ordinal);
        var unknown = await anonymous.GetStringAsync("/Draws/2026-12-01?lang=en&ticket=NOPE", Ct);
        Assert.Contains("There is no ticket NOPE in this draw", unknown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-13-01", HttpStatusCode.BadRequest)]
    [InlineData("yesterday", HttpStatusCode.BadRequest)]
    [InlineData("2031-01-01", HttpStatusCode.NotFound)]
    public async Task Draw_routes_answer_bad_dates_with_problems(string date, HttpStatusCode status)
    {
        await using var app = new PuenteApp();
        foreach (var path in new[] { $"/api/draws/{date}", $"/api/draws/{date}/bundle" })
        {
            var response = await app.CreateClient().GetAsync(path, Ct);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task<int> CountRequests(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().Requests.CountAsync(Ct);
    }

    /// <summary>Posts <paramref name="body"/> asking for English; the answer must be a 400 problem.</summary>
    private static async Task<JsonElement> RefusedInEnglish(HttpClient client, string path, object body)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        message.Headers.AcceptLanguage.ParseAdd("en");
        return await Bookings.AssertProblemDocument(await client.SendAsync(message, Ct), 400);
    }
}
