using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>Applicants who registered but have not typed their code yet.</summary>
internal static partial class Verification
{
    public static object Adult(string givenNames, string familyNames, string birthDate, string documentNumber, string nationality = "MEX") =>
        new { givenNames, familyNames, birthDate, nationality, documentType = "passport", documentCountry = nationality, documentNumber };

    /// <summary>Registers through the API without verifying; returns the applicant id.</summary>
    public static async Task<string> RegisterUnverified(PuenteApp app, string email, object? applicant = null)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/applicants", new
        {
            email,
            password = PathwaysDriver.Password,
            applicant = applicant ?? Adult("Nueva", "Persona", "1990-01-01", PathwaysDriver.DocumentNumberFor(email)),
        }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var registration = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.False(registration.GetProperty("verified").GetBoolean());
        return registration.GetProperty("applicantId").GetString()!;
    }

    /// <summary>Registers through the page, which signs the new applicant in (with a cookie) before any code.
    /// Returns that client, not following redirects, and a bearer client signed in by contact.</summary>
    public static async Task<(HttpClient Client, HttpClient Page, IReadOnlyList<Guid> TravellerIds)> RegisterByPage(PuenteApp app, string email)
    {
        var page = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await page.GetStringAsync("/Apply/Register", TestContext.Current.CancellationToken);
        var response = await PageForms.Post(page, "/Apply/Register", form, new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = PathwaysDriver.Password,
            ["PreferredLanguage"] = "es",
            ["Applicant.GivenNames"] = "Página",
            ["Applicant.FamilyNames"] = "Sin Verificar",
            ["Applicant.BirthDate"] = "1990-01-01",
            ["Applicant.Nationality"] = "MEX",
            ["Applicant.DocumentType"] = "passport",
            ["Applicant.DocumentCountry"] = "MEX",
            ["Applicant.DocumentNumber"] = PathwaysDriver.DocumentNumberFor(email),
        });
        Assert.Equal("/Apply/Verify", response.Headers.Location?.OriginalString);
        var client = await app.ClientFor(email, PathwaysDriver.Password);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/applicants/me", TestContext.Current.CancellationToken);
        Assert.False(me.GetProperty("verified").GetBoolean());
        var travellers = me.GetProperty("travellers").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
        return (client, page, travellers);
    }

    /// <summary>The six digits in a message body.</summary>
    public static string CodeIn(string body) => SixDigits().Match(body).Value;

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
