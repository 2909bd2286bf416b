using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Hosting;

namespace Puente.Api.Tests.Pathways.Registration;

public sealed class TravellerChangesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Child = new { givenNames = "Jean-Baptiste", familyNames = "Désir", birthDate = "2015-02-01", nationality = "HTI" };

    [Fact]
    public async Task A_companion_added_after_registering_follows_the_registration_rules_and_can_then_travel()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, _) = await driver.SignedInApplicant("familia@puente.test");

        // A Cyrillic "а" among Latin letters is refused exactly as at registration.
        var confusable = await client.PostAsJsonAsync("/api/applicants/me/travellers",
            new { givenNames = "M\u0430ría", familyNames = "Désir", birthDate = "2015-02-01", nationality = "HTI" }, Ct);
        var problem = await Bookings.AssertProblemDocument(confusable, 400);
        Assert.True(problem.GetProperty("fieldCodes").TryGetProperty("givenNames", out var given), problem.ToString());
        Assert.Equal(FieldCodes.NameMixedScripts, given[0].GetString());
        var tooLong = await client.PostAsJsonAsync("/api/applicants/me/travellers",
            new { givenNames = new string('a', 201), familyNames = "Désir", birthDate = "2015-02-01", nationality = "HTI" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var twice = await client.PostAsJsonAsync("/api/applicants/me/travellers",
            new { givenNames = "maria jose", familyNames = "PEREZ O'NEIL", birthDate = "1990-04-12", nationality = "MEX", documentType = "passport", documentCountry = "MEX", documentNumber = "X1234567" }, Ct);
        var twiceProblem = await Bookings.AssertProblemDocument(twice, 400);
        Assert.True(twiceProblem.GetProperty("fieldCodes").TryGetProperty("traveller", out var twin), twiceProblem.ToString());
        Assert.Equal(FieldCodes.PersonListedTwice, twin[0].GetString());

        var added = await client.PostAsJsonAsync("/api/applicants/me/travellers", Child, Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/applicants/me", Ct);
        Assert.Equal(["María José", "Jean-Baptiste"], me.GetProperty("travellers").EnumerateArray().Select(t => t.GetProperty("givenNames").GetString()));
        await driver.Announce();
        var request = await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(me, "2504"), Ct);
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
    }

    [Fact]
    public async Task A_traveller_can_be_corrected_or_removed_until_entered_in_a_request_and_again_once_it_is_withdrawn()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("familia@puente.test", Child);
        var ids = PathwaysDriver.TravellerIds(registration).ToList();
        var (applicant, child) = (ids[0], ids[1]);

        var corrected = await client.PutAsJsonAsync($"/api/applicants/me/travellers/{child}",
            new { givenNames = "Jean-Baptiste", familyNames = "Désir Pierre", birthDate = "2015-02-03", nationality = "HTI" }, Ct);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("Désir Pierre", (await corrected.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("familyNames").GetString());

        await driver.Announce();
        var submitted = await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504"), Ct);
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var locked = await client.PutAsJsonAsync($"/api/applicants/me/travellers/{child}", Child, Ct);
        Assert.Equal(ProblemCodes.TravellerInRequest, (await Bookings.AssertProblemDocument(locked, 409)).GetProperty("code").GetString());
        var notRemoved = await client.DeleteAsync($"/api/applicants/me/travellers/{child}", Ct);
        Assert.Equal(ProblemCodes.TravellerInRequest, (await Bookings.AssertProblemDocument(notRemoved, 409)).GetProperty("code").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/applicants/me", Ct);
        Assert.All(me.GetProperty("travellers").EnumerateArray(), t => Assert.True(t.GetProperty("inRequest").GetBoolean()));
        Assert.Equal("2015-02-03", me.GetProperty("travellers")[1].GetProperty("birthDate").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/requests/{requestId}", Ct)).StatusCode);
        var applicantStays = await client.DeleteAsync($"/api/applicants/me/travellers/{applicant}", Ct);
        Assert.Equal(ProblemCodes.ApplicantNotRemovable, (await Bookings.AssertProblemDocument(applicantStays, 409)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/applicants/me/travellers/{child}", Ct)).StatusCode);
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/applicants/me", Ct)).GetProperty("travellers").EnumerateArray());

        var (stranger, _) = await driver.SignedInApplicant("otra@puente.test");
        await Bookings.AssertProblem(await stranger.DeleteAsync($"/api/applicants/me/travellers/{applicant}", Ct), 404);
        await Bookings.AssertProblem(await stranger.PutAsJsonAsync($"/api/applicants/me/travellers/{applicant}", Child, Ct), 404);
    }

    [Fact]
    public async Task Without_JavaScript_a_person_is_added_corrected_and_removed_and_one_in_a_request_is_shown_locked()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        await driver.Register("familia@puente.test");
        var pages = await PageForms.SignIn(app, "familia@puente.test", password: PathwaysDriver.Password);

        var form = await pages.GetStringAsync("/Apply/Traveller?lang=en", Ct);
        var added = await PageForms.Post(pages, "/Apply/Traveller?lang=en", form, new Dictionary<string, string>
        {
            ["Person.GivenNames"] = "Widline", ["Person.FamilyNames"] = "Joseph", ["Person.BirthDate"] = "2016-05-06", ["Person.Nationality"] = "HTI",
        });
        var list = await added.Content.ReadAsStringAsync(Ct);
        Assert.Equal("/Apply/Travellers", added.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("role=\"status\"", list, StringComparison.Ordinal);
        // The applicant comes first, then the companions by name.
        var widline = System.Text.RegularExpressions.Regex.Matches(list, "href=\"/Apply/Traveller/([0-9a-f-]{36})\"")[1].Groups[1].Value;
        Assert.NotEqual("", widline);

        var edit = await pages.GetStringAsync($"/Apply/Traveller/{widline}?lang=en", Ct);
        Assert.Contains("value=\"Widline\"", edit, StringComparison.Ordinal);
        var refused = await (await PageForms.Post(pages, $"/Apply/Traveller/{widline}?lang=en", edit, new Dictionary<string, string>
        {
            ["Person.GivenNames"] = "W\u0456dline", ["Person.FamilyNames"] = "Joseph", ["Person.BirthDate"] = "2016-05-06", ["Person.Nationality"] = "HTI",
        })).Content.ReadAsStringAsync(Ct);
        Assert.Contains("class=\"error\"", refused, StringComparison.Ordinal);
        var corrected = await (await PageForms.Post(pages, $"/Apply/Traveller/{widline}?lang=en", edit, new Dictionary<string, string>
        {
            ["Person.GivenNames"] = "Widline", ["Person.FamilyNames"] = "Joseph Désir", ["Person.BirthDate"] = "2016-05-06", ["Person.Nationality"] = "HTI",
        })).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Widline Joseph Désir", corrected, StringComparison.Ordinal);

        var removed = await (await PageForms.Post(pages, $"/Apply/Travellers?handler=Remove&id={widline}&lang=en", corrected, new Dictionary<string, string>()))
            .Content.ReadAsStringAsync(Ct);
        Assert.Contains("role=\"status\"", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("Widline", removed, StringComparison.Ordinal);

        await driver.Announce();
        var client = await app.ClientFor("familia@puente.test", PathwaysDriver.Password);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/applicants/me", Ct);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(me, "2504"), Ct)).StatusCode);
        var locked = await pages.GetStringAsync("/Apply/Travellers?lang=en", Ct);
        Assert.Contains("is already in a request and cannot be changed", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Apply/Traveller/", locked, StringComparison.Ordinal);
    }
}
