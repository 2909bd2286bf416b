using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Api.Tests.Pathways.Registration;

/// <summary>One person, many accounts: what each variant of "Juan Pérez 1990-01-01 MEX" gets.</summary>
public sealed class EntryIdentityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Variants a person or an attacker may write, with the passport number written its own way.</summary>
    public static TheoryData<string, string, string, string, string> AcceptedVariants => new()
    {
        { "extra given name", "Juan Carlos", "Pérez", "1990-01-01", "g123 4567" },
        { "names swapped", "Pérez", "Juan", "1990-01-01", "G-1234567" },
        { "born a day later", "Juan", "Pérez", "1990-01-02", "G1234567" },
        { "full-width letters", "ＪＵＡＮ", "PÉREZ", "1990-01-01", "Ｇ１２３４５６７" },
    };

    [Fact]
    public async Task Every_variant_with_the_same_document_enters_at_most_once_and_every_refusal_reads_the_same_and_names_no_one()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        await driver.Announce();
        var first = await Enter(app, driver, "juan@puente.test", "Juan", "Pérez", "1990-01-01", "G1234567");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var refusals = new List<string>();
        var i = 0;
        foreach (var (_, given, family, born, number) in AcceptedVariants.Select(v => ((string, string, string, string, string))v.Data))
        {
            var response = await Enter(app, driver, $"variant{i++}@puente.test", given, family, born, number);
            var problem = await Bookings.AssertProblemDocument(response, 409);
            Assert.Equal(ProblemCodes.EntryTaken, problem.GetProperty("code").GetString());
            refusals.Add(Text(problem));
        }
        // Another nationality on the same Mexican passport is the same document too.
        var gtm = await Enter(app, driver, "gtm@puente.test", "Juan", "Pérez", "1990-01-01", "G1234567", nationality: "GTM");
        refusals.Add(Text(await Bookings.AssertProblemDocument(gtm, 409)));

        Assert.Single(refusals.Distinct());
        Assert.DoesNotContain("Juan", refusals[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("rez", refusals[0], StringComparison.OrdinalIgnoreCase);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        Assert.Equal(1, await db.RequestTravellers.CountAsync(t => t.EntryKey == "D|MEX|passport|G1234567", Ct));
        Assert.Equal(refusals.Count, await db.EntryCollisions.CountAsync(c => c.EntryKey == "D|MEX|passport|G1234567", Ct));
    }

    [Theory]
    [InlineData("Ju\u0430n", "Pérez", "registration.name-mixed-scripts")]  // Cyrillic а
    [InlineData("\u0408uan", "Pérez", "registration.name-mixed-scripts")]  // Cyrillic Ј
    [InlineData("Juan", "P\u00E9r\u03B5z", "registration.name-mixed-scripts")]  // Greek ε
    [InlineData("Juan\u3164", "Pérez", "registration.name-hidden-characters")]  // Hangul filler
    [InlineData("Juan", "Pérez\u202E", "registration.name-hidden-characters")]  // bidi override
    [InlineData("Juan1", "Pérez", "registration.name-not-letters")]
    public async Task A_name_with_look_alike_hidden_or_non_letter_characters_is_refused_with_a_clear_message(string given, string family, string code)
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().PostAsJsonAsync("/api/applicants", new
        {
            email = "variant@puente.test", password = PathwaysDriver.Password,
            applicant = Verification.Adult(given, family, "1990-01-01", "G1234567"),
        }, Ct);
        var problem = await Bookings.AssertProblemDocument(response, 400);
        var field = given == "Juan" ? "applicant.familyNames" : "applicant.givenNames";
        Assert.Equal([code], problem.GetProperty("fieldCodes").GetProperty(field).EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_homonym_listed_by_a_stranger_under_another_document_blocks_no_one_and_both_are_flagged()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        await driver.Announce();

        // The attacker lists "Bruno Benítez 1990-04-12" as a companion, without his document, and submits first.
        var attacker = await driver.RegisterWithDocument("attacker@puente.test", "Mallory", "Ruiz", "M7777777",
            new { givenNames = "Bruno", familyNames = "Benítez", birthDate = "1990-04-12", nationality = "MEX", documentType = "none", noDocumentReason = "Se perdió" });
        var attackerClient = await app.ClientFor("attacker@puente.test", PathwaysDriver.Password);
        Assert.Equal(HttpStatusCode.Created, (await attackerClient.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(attacker, "2504"), Ct)).StatusCode);

        var bruno = await driver.RegisterWithDocument("bruno@puente.test", "Bruno", "Benítez", "B5555555");
        var brunoClient = await app.ClientFor("bruno@puente.test", PathwaysDriver.Password);
        var own = await brunoClient.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(bruno, "2504"), Ct);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var namesKeys = await db.RequestTravellers.Where(t => t.ServiceDate == PathwaysDriver.ServiceDate).GroupBy(t => t.NamesKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct);
        Assert.Contains(namesKeys, k => k.Key == "BENITEZ BRUNO|1990-04-12" && k.Count == 2);
    }

    [Fact]
    public async Task A_registration_listing_the_same_person_twice_is_refused_and_says_which()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().PostAsJsonAsync("/api/applicants", new
        {
            email = "twice@puente.test", password = PathwaysDriver.Password,
            applicant = Verification.Adult("Rosa Elena", "Ortiz", "1985-10-02", "R1111111"),
            companions = new object[]
            {
                new { givenNames = "Darwin", familyNames = "Ortiz", birthDate = "2016-09-08", nationality = "MEX" },
                new { givenNames = "ROSA ELENA", familyNames = "ORTIZ", birthDate = "1985-10-02", nationality = "MEX", documentType = "passport", documentCountry = "MEX", documentNumber = "R2222222" },
                Verification.Adult("Otra", "Persona", "1970-01-01", "r111-1111"),
            },
        }, Ct);
        var problem = await Bookings.AssertProblemDocument(response, 400);
        var errors = problem.GetProperty("errors");
        Assert.Contains("Rosa Elena Ortiz", errors.GetProperty("companions[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Rosa Elena Ortiz", errors.GetProperty("companions[2]")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("companions[0]", out _));
    }

    /// <summary>What the applicant reads, and the code a client acts on.</summary>
    private static string Text(JsonElement problem) =>
        $"{problem.GetProperty("code").GetString()}|{problem.GetProperty("title").GetString()}|{problem.GetProperty("detail").GetString()}";

    private static async Task<HttpResponseMessage> Enter(
        PuenteApp app, PathwaysDriver driver, string email, string given, string family, string born, string number, string nationality = "MEX")
    {
        var registered = await app.CreateClient().PostAsJsonAsync("/api/applicants", new
        {
            email, password = PathwaysDriver.Password,
            applicant = new { givenNames = given, familyNames = family, birthDate = born, nationality, documentType = "passport", documentCountry = "MEX", documentNumber = number },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var registration = await registered.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await driver.Verify(registration.GetProperty("applicantId").GetString()!, email);
        var client = await app.ClientFor(email, PathwaysDriver.Password);
        return await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct);
    }
}
