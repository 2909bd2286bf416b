using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Accounts;
using Puente.Web.Hosting;

namespace Puente.Api.Tests.Hosting;

/// <summary>Every API problem carries a stable code, and its title and detail in the caller's language.</summary>
public sealed class ProblemLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, Dictionary<string, string>> Resources = new()
    {
        ["es"] = Read("SharedResource.resx"),
        ["en"] = Read("SharedResource.en.resx"),
        ["ht"] = Read("SharedResource.ht.resx"),
    };

    [Theory]
    [InlineData("es", "Fecha no válida")]
    [InlineData("en", "Invalid date")]
    [InlineData("ht", "Dat la pa valab")]
    public async Task A_malformed_draw_date_is_explained_in_the_callers_language(string language, string title)
    {
        await using var app = new PuenteApp(demo: false);

        var response = await Send(app.CreateClient(), HttpMethod.Get, "/api/draws/not-a-date", language);

        var problem = await Bookings.AssertProblemDocument(response, 400);
        Assert.Equal(ProblemCodes.InvalidDate, problem.GetProperty("code").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains("not-a-date", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProblemCodes.InvalidDate, 400)]
    [InlineData(ProblemCodes.PortNotFound, 404)]
    [InlineData(ProblemCodes.DrawNotFound, 404)]
    [InlineData(ProblemCodes.BadRequest, 400)]
    [InlineData(ProblemCodes.Validation, 400)]
    [InlineData(ProblemCodes.BodyTooLarge, 413)]
    [InlineData(ProblemCodes.TooManyRequests, 429)]
    [InlineData(ProblemCodes.SignInFailed, 401)]
    [InlineData(ProblemCodes.Unauthorized, 401)]
    [InlineData(ProblemCodes.Forbidden, 403)]
    [InlineData(ProblemCodes.NotFound, 404)]
    [InlineData(ProblemCodes.MethodNotAllowed, 405)]
    [InlineData(ProblemCodes.WindowNotOpen, 409)]
    [InlineData(ProblemCodes.AlreadyRequested, 409)]
    [InlineData(ProblemCodes.EntryTaken, 409)]
    [InlineData(ProblemCodes.ContactUnverified, 403)]
    [InlineData(ProblemCodes.VerificationNotFound, 404)]
    [InlineData(ProblemCodes.CodeWrong, 400)]
    [InlineData(ProblemCodes.ResendTooSoon, 429)]
    [InlineData(ProblemCodes.KeyReused, 422)]
    [InlineData(ProblemCodes.RequestNotFound, 404)]
    [InlineData(ProblemCodes.TooLateToWithdraw, 409)]
    [InlineData(ProblemCodes.AlreadyWithdrawn, 409)]
    [InlineData(ProblemCodes.AppointmentNotFound, 404)]
    [InlineData(ProblemCodes.AlreadyCancelled, 409)]
    [InlineData(ProblemCodes.InvalidSignature, 422)]
    [InlineData(ProblemCodes.OtherPort, 403)]
    [InlineData(ProblemCodes.OtherDate, 409)]
    [InlineData(ProblemCodes.AlreadyUsed, 409)]
    [InlineData(ProblemCodes.PassCancelled, 409)]
    [InlineData(ProblemCodes.ScheduleFrozen, 409)]
    public async Task Every_problem_has_its_code_and_a_title_and_detail_in_each_language(string code, int status)
    {
        await using var app = new PuenteApp(settings: code switch
        {
            ProblemCodes.BodyTooLarge => new Dictionary<string, string?> { ["Api:MaxRequestBodyBytes"] = "1024" },
            ProblemCodes.TooManyRequests => new Dictionary<string, string?> { ["RateLimiting:SignInBurst"] = "1", ["RateLimiting:SignInPerWindow"] = "1" },
            _ => null,
        });
        var provoke = await Provoke(app, code);

        var answers = new Dictionary<string, (string Title, string Detail)>();
        foreach (var language in Resources.Keys)
        {
            var problem = await Bookings.AssertProblemDocument(await provoke(language), status);
            Assert.Equal(code, problem.GetProperty("code").GetString());
            var title = problem.GetProperty("title").GetString()!;
            Assert.Equal(Resources[language][$"Problem_{code}_Title"], title);
            answers[language] = (title, problem.GetProperty("detail").GetString()!);
        }

        Assert.Equal(3, answers.Values.Select(a => a.Title).Distinct().Count());
        Assert.Equal(3, answers.Values.Select(a => a.Detail).Distinct().Count());
        Assert.All(answers.Values, a => Assert.DoesNotMatch(@"\{\d\}", a.Detail));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    [InlineData("ht")]
    public async Task Each_bad_field_of_a_request_has_its_code_and_its_text_in_the_callers_language(string language)
    {
        await using var app = new PuenteApp();
        var (client, _) = await new PathwaysDriver(app).SignedInApplicant("fields@puente.test");

        // No date, the same port twice, nobody travelling, and a key too long.
        var body = new { ports = (string[])["2504", "2504"], travellers = Array.Empty<Guid>() };
        var response = await Send(client, HttpMethod.Post, "/api/requests", language, JsonContent.Create(body), new string('k', 201));

        var problem = await Bookings.AssertProblemDocument(response, 400);
        Assert.Equal(ProblemCodes.Validation, problem.GetProperty("code").GetString());
        Assert.Equal(Resources[language]["Problem_validation.failed_Title"], problem.GetProperty("title").GetString());
        var expected = new (string Field, string Code, string[] Arguments)[]
        {
            ("Idempotency-Key", FieldCodes.IdempotencyKeyLength, ["200"]),
            ("ports", FieldCodes.PortsChoice, ["3"]),
            ("serviceDate", FieldCodes.ServiceDateRequired, []),
            ("travellers", FieldCodes.TravellersRequired, []),
        };
        var errors = problem.GetProperty("errors");
        var codes = problem.GetProperty("fieldCodes");
        Assert.Equal(expected.Select(e => e.Field), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(expected, e =>
        {
            Assert.Equal([e.Code], codes.GetProperty(e.Field).EnumerateArray().Select(c => c.GetString()));
            var text = string.Format(CultureInfo.InvariantCulture, Resources[language][$"Field_{e.Code}"], e.Arguments);
            Assert.Equal([text], errors.GetProperty(e.Field).EnumerateArray().Select(m => m.GetString()));
        });
    }

    /// <summary>Sets up what the problem needs; returns the request that answers with it, in a language.</summary>
    private static async Task<Func<string, Task<HttpResponseMessage>>> Provoke(PuenteApp app, string code)
    {
        var anonymous = app.CreateClient();
        var driver = new PathwaysDriver(app);
        switch (code)
        {
            case ProblemCodes.InvalidDate:
                return language => Send(anonymous, HttpMethod.Get, "/api/draws/2026-13-01", language);
            case ProblemCodes.PortNotFound:
                return language => Send(anonymous, HttpMethod.Get, "/api/ports/9999", language);
            case ProblemCodes.DrawNotFound:
                return language => Send(anonymous, HttpMethod.Get, "/api/draws/2027-01-01", language);
            case ProblemCodes.BadRequest:
                // Malformed JSON: model binding answers 400 without an exception, so it gets the generic code.
                return language => Send(anonymous, HttpMethod.Post, "/api/auth/login", language, new StringContent("not json", Encoding.UTF8, "application/json"));
            case ProblemCodes.Validation:
                return language => Send(anonymous, HttpMethod.Post, "/api/applicants", language, JsonContent.Create(new { email = "not an email" }));
            case ProblemCodes.BodyTooLarge:
                return language => Send(anonymous, HttpMethod.Post, "/api/auth/login", language,
                    JsonContent.Create(new { email = "admin@puente.test", password = new string('x', 5000) }));
            case ProblemCodes.TooManyRequests:
                var login = new { email = "nobody@puente.test", password = "whatever-123456" };
                await anonymous.PostAsJsonAsync("/api/auth/login", login, Ct);
                return language => Send(anonymous, HttpMethod.Post, "/api/auth/login", language, JsonContent.Create(login));
            case ProblemCodes.SignInFailed:
                return language => Send(anonymous, HttpMethod.Post, "/api/auth/login", language,
                    JsonContent.Create(new { email = "admin@puente.test", password = "not-the-password-1" }));
            case ProblemCodes.Unauthorized:
                return language => Send(anonymous, HttpMethod.Get, "/api/requests", language);
            case ProblemCodes.Forbidden:
                var officer = await app.ClientFor(Bookings.Officer);
                return language => Send(officer, HttpMethod.Get, "/api/requests", language);
            case ProblemCodes.NotFound:
                return language => Send(anonymous, HttpMethod.Get, "/api/nothing-here", language);
            case ProblemCodes.MethodNotAllowed:
                return language => Send(anonymous, HttpMethod.Delete, "/api/ports", language);
            case ProblemCodes.WindowNotOpen:
            {
                var (client, registration) = await driver.SignedInApplicant("early@puente.test");
                return language => Send(client, HttpMethod.Post, "/api/requests", language, JsonContent.Create(PathwaysDriver.RequestBody(registration, "2504")));
            }
            case ProblemCodes.AlreadyRequested:
            {
                var (client, registration) = await driver.SignedInApplicant("twice@puente.test");
                await driver.Announce();
                (await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct)).EnsureSuccessStatusCode();
                return language => Send(client, HttpMethod.Post, "/api/requests", language, JsonContent.Create(PathwaysDriver.RequestBody(registration, "2304")));
            }
            case ProblemCodes.EntryTaken:
            {
                var (first, firstRegistration) = await driver.SignedInApplicant("first@puente.test");
                var secondRegistration = await driver.RegisterWithDocument("second@puente.test", "Otra", "Persona", PathwaysDriver.DocumentNumberFor("first@puente.test"));
                var second = await app.ClientFor("second@puente.test", PathwaysDriver.Password);
                await driver.Announce();
                (await first.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(firstRegistration, "2504"), Ct)).EnsureSuccessStatusCode();
                return language => Send(second, HttpMethod.Post, "/api/requests", language, JsonContent.Create(PathwaysDriver.RequestBody(secondRegistration, "2304")));
            }
            case ProblemCodes.ContactUnverified:
            {
                // An unverified account signed in by its registration page, asking through the API with its cookie.
                var pending = await Verification.RegisterByPage(app, "pending@puente.test");
                await driver.Announce();
                return language => Send(pending.Client, HttpMethod.Post, "/api/requests", language,
                    JsonContent.Create(new { serviceDate = "2026-12-01", ports = (string[])["2504"], travellers = pending.TravellerIds }));
            }
            case ProblemCodes.VerificationNotFound:
                return language => Send(anonymous, HttpMethod.Post, "/api/applicants/verify", language, JsonContent.Create(new { applicantId = "nobody", code = "123456" }));
            case ProblemCodes.CodeWrong:
            {
                var id = await Verification.RegisterUnverified(app, "wrong@puente.test");
                return language => Send(anonymous, HttpMethod.Post, "/api/applicants/verify", language, JsonContent.Create(new { applicantId = id, code = "000000" }));
            }
            case ProblemCodes.ResendTooSoon:
            {
                var id = await Verification.RegisterUnverified(app, "soon@puente.test");
                return language => Send(anonymous, HttpMethod.Post, "/api/applicants/resend", language, JsonContent.Create(new { applicantId = id }));
            }
            case ProblemCodes.KeyReused:
            {
                var (client, registration) = await driver.SignedInApplicant("key@puente.test");
                await driver.Announce();
                var sent = await Send(client, HttpMethod.Post, "/api/requests", "es", JsonContent.Create(PathwaysDriver.RequestBody(registration, "2504")), "k");
                sent.EnsureSuccessStatusCode();
                return language => Send(client, HttpMethod.Post, "/api/requests", language, JsonContent.Create(PathwaysDriver.RequestBody(registration, "2304")), "k");
            }
            case ProblemCodes.RequestNotFound:
            {
                var (client, _) = await driver.SignedInApplicant("none@puente.test");
                return language => Send(client, HttpMethod.Get, $"/api/requests/{Guid.NewGuid()}", language);
            }
            case ProblemCodes.TooLateToWithdraw:
            {
                var (client, registration) = await driver.SignedInApplicant("late@puente.test");
                await driver.Announce();
                var receipt = await (await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct))
                    .Content.ReadFromJsonAsync<JsonElement>(Ct);
                app.Clock.SetUtcNow(PathwaysDriver.AfterClose);
                // The earlier bearer token has expired by then.
                var later = await app.ClientFor("late@puente.test", PathwaysDriver.Password);
                return language => Send(later, HttpMethod.Delete, $"/api/requests/{receipt.GetProperty("id").GetGuid()}", language);
            }
            case ProblemCodes.AlreadyWithdrawn:
            {
                var (client, registration) = await driver.SignedInApplicant("twice@puente.test");
                await driver.Announce();
                var receipt = await (await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct))
                    .Content.ReadFromJsonAsync<JsonElement>(Ct);
                var path = $"/api/requests/{receipt.GetProperty("id").GetGuid()}";
                Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(path, Ct)).StatusCode);
                return language => Send(client, HttpMethod.Delete, path, language);
            }
            case ProblemCodes.AppointmentNotFound:
            {
                var applicant = await app.ClientFor(Bookings.Applicant);
                return language => Send(applicant, HttpMethod.Get, $"/api/appointments/{Guid.NewGuid()}/pass", language);
            }
            case ProblemCodes.AlreadyCancelled:
            {
                var id = await Bookings.Book(app);
                var applicant = await app.ClientFor(Bookings.Applicant);
                (await applicant.PostAsync($"/api/appointments/{id}/cancel", null, Ct)).EnsureSuccessStatusCode();
                return language => Send(applicant, HttpMethod.Post, $"/api/appointments/{id}/cancel", language);
            }
            case ProblemCodes.InvalidSignature:
                return await CheckIn(app, "not a pass at all");
            case ProblemCodes.OtherPort:
            {
                var token = await Bookings.Token(app, await Bookings.Book(app));
                await Bookings.AddUser(app, "officer.otay@puente.test", Roles.PortOfficer, "2506");
                return await CheckIn(app, token, "officer.otay@puente.test");
            }
            case ProblemCodes.OtherDate:
                return await CheckIn(app, await Bookings.Token(app, await Bookings.Book(app, date: Bookings.Today.AddDays(1))));
            case ProblemCodes.AlreadyUsed:
            {
                var token = await Bookings.Token(app, await Bookings.Book(app));
                (await Bookings.CheckIn(await app.ClientFor(Bookings.Officer), token)).EnsureSuccessStatusCode();
                return await CheckIn(app, token);
            }
            case ProblemCodes.PassCancelled:
            {
                var id = await Bookings.Book(app);
                var token = await Bookings.Token(app, id);
                (await (await app.ClientFor(Bookings.Applicant)).PostAsync($"/api/appointments/{id}/cancel", null, Ct)).EnsureSuccessStatusCode();
                return await CheckIn(app, token);
            }
            case ProblemCodes.ScheduleFrozen:
            {
                var admin = await app.ClientFor("admin@puente.test");
                await driver.Announce();
                return language => Send(admin, HttpMethod.Put, "/api/capacity/2504/2026-12-01", language,
                    JsonContent.Create(new { slots = new[] { new { start = "08:00", capacity = 5 } } }));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(code), code, "No way to provoke this problem is written down.");
        }
    }

    private static async Task<Func<string, Task<HttpResponseMessage>>> CheckIn(PuenteApp app, string token, string officer = Bookings.Officer)
    {
        var client = await app.ClientFor(officer);
        return language => Send(client, HttpMethod.Post, "/api/checkins", language, JsonContent.Create(new { pass = token }));
    }

    private static async Task<HttpResponseMessage> Send(
        HttpClient client, HttpMethod method, string path, string language, HttpContent? body = null, string? idempotencyKey = null)
    {
        using var message = new HttpRequestMessage(method, path) { Content = body };
        message.Headers.AcceptLanguage.ParseAdd(language);
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(message, Ct);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Puente.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
}
