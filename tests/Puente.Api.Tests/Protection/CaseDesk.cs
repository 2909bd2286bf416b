using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Accounts;

namespace Puente.Api.Tests.Protection;

/// <summary>Consular staff over HTTP: the demo caseworker and supervisor, and more caseworkers made for a test.</summary>
internal sealed class CaseDesk(PuenteApp app)
{
    public const string LosAngeles = "caseworker.losangeles@puente.test";
    public const string Supervisor = "supervisor@puente.test";
    public const string LosAngelesCounty = "06037";
    public const string LubbockCounty = "48303";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<HttpClient> Caseworker(string email, string consulate)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddUser>()
            .Handle(new AddUser.Command(email, Roles.Caseworker, PuenteApp.DemoPassword, Consulate: consulate), Ct);
        Assert.IsType<AddUser.Added>(added);
        return await app.ClientFor(email);
    }

    public static object Intake(string county = LosAngelesCounty, string state = "CA", string given = "José María", string family = "García Núñez",
        string urgency = "high", string category = "labour", string subtype = "unpaid-wages") => new
    {
        givenNames = given,
        familyNames = family,
        birthDate = "1988-04-12",
        phone = "+1 213 555 0100",
        location = new { state, county },
        category,
        subtype,
        urgency,
        narrative = "Not paid for six weeks of work at a packing plant.",
        consent = true,
    };

    public static async Task<JsonElement> Open(HttpClient client, object? intake = null)
    {
        var response = await client.PostAsJsonAsync("/api/protection/cases", intake ?? Intake(), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static Task<HttpResponseMessage> Assign(HttpClient client, string id, int version, string? assignee = null) =>
        client.PostAsJsonAsync($"/api/protection/cases/{id}/assign", new { version, assignee }, Ct);

    public static Task<HttpResponseMessage> Move(HttpClient client, string id, int version, string action, string? reason = null) =>
        client.PostAsJsonAsync($"/api/protection/cases/{id}/transitions", new { version, action, reason }, Ct);

    /// <summary>The new version after a change that must succeed.</summary>
    public static async Task<int> Succeeds(Task<HttpResponseMessage> sent)
    {
        var response = await sent;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32();
    }

    public static async Task<JsonElement> Problem(Task<HttpResponseMessage> sent, HttpStatusCode status)
    {
        var response = await sent;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
