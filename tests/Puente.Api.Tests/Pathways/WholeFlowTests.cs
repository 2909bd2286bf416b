using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;
using Puente.Api.Tests.Pathways.Appointments;
using Puente.Api.Tests.Pathways.CheckIns;
using Puente.Api.Tests.Pathways.Passes;
using Puente.Web.Accounts;

namespace Puente.Api.Tests.Pathways;

public sealed class WholeFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_request_draw_pass_and_check_in_work_end_to_end_over_http()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        await driver.Announce();
        var (applicant, registration) = await driver.SignedInApplicant("familia.desir@puente.test", "Marie-Ange", "Désir",
            new { givenNames = "Jean-Baptiste", familyNames = "Désir", birthDate = "2016-07-14", nationality = "HTI" });
        var submitted = await applicant.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2504", "2304"), Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);

        app.Clock.SetUtcNow(PathwaysDriver.AfterClose);
        await driver.Draw();

        // Service day at San Ysidro, 09:30 Pacific time.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero));
        applicant = await app.ClientFor("familia.desir@puente.test", PathwaysDriver.Password);
        var appointments = await applicant.GetFromJsonAsync<JsonElement>("/api/appointments", Ct);
        var appointment = Assert.Single(appointments.EnumerateArray());
        var pass = await applicant.GetFromJsonAsync<JsonElement>($"/api/appointments/{appointment.GetProperty("id").GetGuid()}/pass", Ct);
        var token = pass.GetProperty("token").GetString()!;
        Assert.Equal(receipt.GetProperty("ticket").GetString(), appointment.GetProperty("ticket").GetString());
        Assert.StartsWith("<svg", pass.GetProperty("qrSvg").GetString(), StringComparison.Ordinal);

        await Bookings.AddUser(app, "officer.otay@puente.test", Roles.PortOfficer, "2506");
        var elsewhere = await app.ClientFor("officer.otay@puente.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.PostAsJsonAsync("/api/checkins", new { pass = token }, Ct)).StatusCode);

        var officer = await app.ClientFor("officer.sanysidro@puente.test");
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await officer.PostAsJsonAsync("/api/checkins", new { pass = tampered }, Ct)).StatusCode);

        var checkIn = await officer.PostAsJsonAsync("/api/checkins", new { pass = token }, Ct);
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        Assert.Equal(2, (await checkIn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("travellers").GetArrayLength());

        var again = await officer.PostAsJsonAsync("/api/checkins", new { pass = token }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("San Ysidro", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
